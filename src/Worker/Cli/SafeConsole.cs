using System.Text;
using Monitoring.Engine.Output;

namespace Monitoring.Worker.Cli;

/// <summary>
/// The terminal boundary: once installed, everything written to <see cref="Console.Out"/> and <see cref="Console.Error"/>
/// has resident ID numbers masked and control characters escaped (<see cref="SafeTextWriter"/>), whichever verb, printer
/// or error message wrote it.
/// </summary>
public static class SafeConsole
{
    private static TextWriter _rawError = Console.Error;

    /// <summary>UTF-8 output and the masking writers on standard output and standard error.</summary>
    public static void Install()
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        if (Console.Out is SafeTextWriter)
        {
            return;
        }

        _rawError = Console.Error;
        Console.SetOut(new SafeTextWriter(Console.Out, leaveOpen: true));
        Console.SetError(new SafeTextWriter(Console.Error, leaveOpen: true));
    }

    /// <summary>
    /// A progress display the program composes itself (no record data in it): written as it is, so a leading carriage
    /// return redraws the line.
    /// </summary>
    public static void Progress(string text)
    {
        Console.Error.Flush();
        _rawError.Write(text);
        _rawError.Flush();
    }

    /// <summary>Passes on what is still pending (an unfinished line).</summary>
    public static void Flush()
    {
        Console.Out.Flush();
        Console.Error.Flush();
    }
}
