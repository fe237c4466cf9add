using System.Globalization;

namespace Workflow.Benchmarks;

/// <summary>Resident memory of a Linux process from <c>/proc/&lt;pid&gt;/status</c> (VmHWM is the peak RSS).</summary>
public readonly record struct ProcessMemory(long PeakRssBytes, long RssBytes)
{
    public double PeakRssMegabytes => PeakRssBytes / 1024.0 / 1024.0;

    public double RssMegabytes => RssBytes / 1024.0 / 1024.0;

    public static ProcessMemory Read(int pid)
    {
        long peak = 0, rss = 0;
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                peak = Kilobytes(line);
            }
            else if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                rss = Kilobytes(line);
            }
        }
        return new ProcessMemory(peak * 1024, rss * 1024);
    }

    // "VmHWM:\t  123456 kB"
    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', '\t').Where(p => p.Length > 0).ElementAt(1), CultureInfo.InvariantCulture);
}
