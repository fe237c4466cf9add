using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>CPU time (user + system) a Linux process has used so far, from <c>/proc/&lt;pid&gt;/stat</c>.</summary>
public static class ProcessCpu
{
    // USER_HZ: the kernel reports utime/stime in 1/100 s on every mainstream Linux configuration.
    private const double TicksPerSecond = 100;

    public static TimeSpan Read(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) is in parentheses and may hold spaces; fields are counted after it.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static TimeSpan Self() => Read(Environment.ProcessId);
}
