using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Workflow.Core.Graph;

namespace Workflow.Core.Validation;

/// <summary>Rewrites System.Text.Json error messages for API clients: no CLR type names, no duplicated position tail.</summary>
internal static partial class DocumentErrorText
{
    public static string Describe(string message)
    {
        message = WithoutPosition(message);
        if (UnmappedMember().Match(message) is { Success: true } unmapped)
        {
            return $"unknown member '{unmapped.Groups[1].Value}'.";
        }
        if (NotConvertible().Match(message) is { Success: true } convert)
        {
            return $"expected {Expected(convert.Groups[1].Value)}.";
        }
        return NullNotAllowed().IsMatch(message) ? "null is not allowed here." : message;
    }

    /// <summary>A message without the " Path: … | LineNumber: …" tail System.Text.Json appends (we report those ourselves).</summary>
    public static string WithoutPosition(string message)
    {
        foreach (var marker in new[] { " Path: ", " LineNumber: " })
        {
            var index = message.IndexOf(marker, StringComparison.Ordinal);
            if (index > 0)
            {
                message = message[..index];
            }
        }
        return message.TrimEnd();
    }

    private static string Expected(string clrType)
    {
        if (NullableOf().Match(clrType) is { Success: true } nullable)
        {
            clrType = nullable.Groups[1].Value;
        }
        if (clrType.Contains("List`1", StringComparison.Ordinal) || clrType.EndsWith("[]", StringComparison.Ordinal))
        {
            return "an array";
        }
        return clrType switch
        {
            "System.String" => "a string",
            "System.Int32" or "System.Int64" => "an integer",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.Boolean" => "true or false",
            "System.Guid" => "a GUID string",
            "System.DateTimeOffset" or "System.DateTime" => "an ISO 8601 date-time string",
            _ when typeof(WorkflowDocument).Assembly.GetType(clrType) is { IsEnum: true } e => $"one of {string.Join(", ", EnumNames(e))}",
            _ => "an object",
        };
    }

    private static IEnumerable<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);

    [GeneratedRegex(@"^The JSON property '(.*)' could not be mapped to any \.NET member", RegexOptions.Singleline)]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"^The JSON value could not be converted to (.+?)\.?$", RegexOptions.Singleline)]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"doesn't allow (setting|getting) null values", RegexOptions.Singleline)]
    private static partial Regex NullNotAllowed();

    [GeneratedRegex(@"^System\.Nullable`1\[(.+)\]$")]
    private static partial Regex NullableOf();
}
