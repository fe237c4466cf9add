using Microsoft.Extensions.Options;

namespace Workflow.Grains.Storage;

/// <summary>Rejects <see cref="SqliteStorageOptions"/> that cannot work, at start rather than at the first write.</summary>
public sealed class SqliteStorageOptionsValidator : IValidateOptions<SqliteStorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, SqliteStorageOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.DataDirectory)} must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.FileName) || options.FileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.FileName)} must be a file name.");
        }

        if (options.MaxWriteBatchSize < 1)
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.MaxWriteBatchSize)} must be at least 1.");
        }

        if (options.HistoryMaxBatchSize < 1)
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.HistoryMaxBatchSize)} must be at least 1.");
        }

        if (options.HistoryFlushInterval < TimeSpan.Zero || options.HistoryFlushInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.HistoryFlushInterval)} must be between 0 and 10 seconds.");
        }

        if (options.CheckpointInterval < TimeSpan.FromMilliseconds(1) || options.CheckpointInterval > TimeSpan.FromSeconds(10))
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.CheckpointInterval)} must be between 1 ms and 10 seconds.");
        }

        if (options.WalRestartPages is < 100 or > 40_000)
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.WalRestartPages)} must be between 100 and 40,000.");
        }

        if (options.BusyTimeout < TimeSpan.Zero)
        {
            failures.Add($"{SqliteStorageOptions.SectionName}:{nameof(options.BusyTimeout)} must not be negative.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
