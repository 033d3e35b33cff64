using Monitoring.Engine.Department;
using Monitoring.Rules.Department;

namespace Monitoring.Worker.Cli;

/// <summary>Reading department rosters for verbs that evaluate files, with Chinese errors instead of stack traces.</summary>
public static class DepartmentOptions
{
    public static IReadOnlyList<RosterSnapshot> LoadRosters(string directory)
    {
        try
        {
            return RosterDirectory.Load(directory);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new UserErrorException(ex.Message);
        }
        catch (RosterFileException ex)
        {
            foreach (var problem in ex.Problems)
            {
                Console.Error.WriteLine(problem.ToString());
            }

            throw new UserErrorException(ex.Message + "（见上），未评估");
        }
    }
}
