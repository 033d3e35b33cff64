namespace Monitoring.Web.Hosting;

/// <summary>
/// Where the web assets (<c>wwwroot</c>) are: next to the program (src/Worker copies src/Web/wwwroot into its output),
/// else src/Web/wwwroot above the working directory or the program (tests, <c>dotnet run</c>).
/// </summary>
public static class WebRoot
{
    public static string Locate()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        if (Directory.Exists(beside))
        {
            return beside;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "src", "Web", "wwwroot");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return beside;
    }
}
