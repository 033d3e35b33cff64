namespace Monitoring.Web.Sources;

/// <summary>One cited place of a rule's source: the document (title, or the file name when unknown) and the clause in it.</summary>
public sealed record SourceCitation(string Document, string Clause);
