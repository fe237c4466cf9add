using System.Diagnostics;
using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>
/// Who used the machine's CPU during a scenario: the silo, the load generator, and everything else (the
/// development machine is shared, so this says how noisy a figure is).
/// </summary>
public sealed class CpuUsage
{
    private readonly int _siloPid;
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly TimeSpan _machine = MachineBusy();
    private readonly TimeSpan _silo;
    private readonly TimeSpan _self = ProcessCpu.Self();

    public CpuUsage(int siloPid)
    {
        _siloPid = siloPid;
        _silo = ProcessCpu.Read(siloPid);
    }

    public string Describe()
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var silo = (ProcessCpu.Read(_siloPid) - _silo).TotalSeconds / wall;
        var self = (ProcessCpu.Self() - _self).TotalSeconds / wall;
        var machine = (MachineBusy() - _machine).TotalSeconds / wall;
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        return string.Create(CultureInfo.InvariantCulture,
            $"CPU over the scenario ({wall:F1} s, {Environment.ProcessorCount} cores): silo {silo:F2} cores, load generator {self:F2}, other processes {Math.Max(0, machine - silo - self):F2}; 1-min load average {load}.");
    }

    /// <summary>
    /// Waits (bounded) until the freshly started silo is quiet — startup leaves background JIT tiering and
    /// initialisation running for several seconds — and describes its idle CPU, the floor under every figure.
    /// </summary>
    public static async Task<string> SettleAsync(int siloPid, TimeSpan maxWait, CancellationToken cancellationToken)
    {
        const double QuietCores = 0.1;
        var window = TimeSpan.FromSeconds(1);
        var started = Stopwatch.GetTimestamp();
        double cores;
        do
        {
            var before = ProcessCpu.Read(siloPid);
            await Task.Delay(window, cancellationToken);
            cores = (ProcessCpu.Read(siloPid) - before).TotalSeconds / window.TotalSeconds;
        }
        while (cores >= QuietCores && Stopwatch.GetElapsedTime(started) < maxWait);
        return string.Create(CultureInfo.InvariantCulture,
            $" Idle silo before the scenario: {cores:F2} cores (after {Stopwatch.GetElapsedTime(started).TotalSeconds:F0} s of settling).");
    }

    /// <summary>Busy time of all cores from the first line of /proc/stat (user, nice, system, irq, softirq, steal).</summary>
    private static TimeSpan MachineBusy()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        long busy = 0;
        foreach (var index in new[] { 1, 2, 3, 6, 7, 8 })
        {
            busy += long.Parse(fields[index], CultureInfo.InvariantCulture);
        }
        return TimeSpan.FromSeconds(busy / 100.0);
    }
}
