namespace Monitoring.Web.Sources;

/// <summary>One source document as <c>rules/documents.yaml</c> lists it: the collected file's name, its title, its issuer.</summary>
public sealed record SourceDocument(string File, string Title, string Issuer);
