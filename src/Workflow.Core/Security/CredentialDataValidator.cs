using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Workflow.Core.Security;

/// <summary>
/// Checks a credential's data against its type (see <see cref="CredentialTypes"/>) and normalizes it: fields in
/// declaration order, a database provider in its canonical spelling. Error messages name fields, never values.
/// </summary>
public static class CredentialDataValidator
{
    /// <summary>The longest string value of a field, in characters.</summary>
    public const int MaxFieldLength = 8192;

    /// <summary>The largest normalized data, in UTF-8 bytes.</summary>
    public const int MaxDataBytes = 16 * 1024;

    /// <summary>Validates <paramref name="data"/> for <paramref name="type"/>.</summary>
    /// <param name="type">The credential type, any case.</param>
    /// <param name="data">The data object.</param>
    /// <returns>The canonical type and normalized data, or the reason they were refused.</returns>
    public static CredentialDataCheck Validate(string? type, JsonNode? data)
    {
        if (!CredentialTypes.TryNormalize(type, out var canonical))
        {
            return new CredentialDataCheck("", null, $"Unknown credential type '{Shorten(type)}'; expected one of {string.Join(", ", CredentialTypes.All)}.");
        }

        if (data is not JsonObject fields)
        {
            return Refuse(canonical, "The credential data must be a JSON object.");
        }

        var schema = CredentialTypes.FieldsOf(canonical);
        var unknown = fields.Select(member => member.Key)
            .FirstOrDefault(name => !schema.Any(field => string.Equals(field.Name, name, StringComparison.Ordinal)));
        if (unknown is not null)
        {
            return Refuse(canonical, $"Unknown field '{Shorten(unknown)}' for a {canonical} credential; expected {string.Join(", ", schema.Select(f => f.Name))}.");
        }

        var normalized = new JsonObject();
        foreach (var field in schema)
        {
            var value = fields[field.Name];
            if (value is null)
            {
                if (field.Required)
                {
                    return Refuse(canonical, $"The field '{field.Name}' is required for a {canonical} credential.");
                }

                continue;
            }

            if (Normalize(field, value) is not { } checkedValue)
            {
                return Refuse(canonical, $"The field '{field.Name}' must be {Expectation(field.Kind)}.");
            }

            normalized[field.Name] = checkedValue;
        }

        var json = normalized.ToJsonString();
        return Encoding.UTF8.GetByteCount(json) > MaxDataBytes
            ? Refuse(canonical, $"The credential data is larger than {MaxDataBytes} bytes.")
            : new CredentialDataCheck(canonical, json, null);
    }

    private static JsonNode? Normalize(CredentialField field, JsonNode value)
    {
        if (field.Kind == CredentialFieldKind.Boolean)
        {
            return value.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? JsonValue.Create(value.GetValue<bool>()) : null;
        }

        if (field.Kind == CredentialFieldKind.Port)
        {
            return value is JsonValue number && number.TryGetValue<int>(out var port) && port is >= 1 and <= 65535
                ? JsonValue.Create(port)
                : null;
        }

        if (value.GetValueKind() != JsonValueKind.String || value.GetValue<string>() is not { Length: > 0 and <= MaxFieldLength } text)
        {
            return null;
        }

        return field.Kind switch
        {
            CredentialFieldKind.HeaderName => text.All(IsTokenChar) ? JsonValue.Create(text) : null,
            CredentialFieldKind.HttpUrl => Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                ? JsonValue.Create(text)
                : null,
            CredentialFieldKind.DatabaseProvider => text.ToLowerInvariant() switch
            {
                "sqlite" => JsonValue.Create("Sqlite"),
                "postgres" => JsonValue.Create("Postgres"),
                _ => null,
            },
            _ => JsonValue.Create(text),
        };
    }

    private static string Expectation(CredentialFieldKind kind) => kind switch
    {
        CredentialFieldKind.Boolean => "true or false",
        CredentialFieldKind.Port => "an integer from 1 to 65535",
        CredentialFieldKind.HeaderName => "an HTTP header name",
        CredentialFieldKind.HttpUrl => "an absolute http or https URL",
        CredentialFieldKind.DatabaseProvider => "'Sqlite' or 'Postgres'",
        _ => $"a non-empty string of at most {MaxFieldLength} characters",
    };

    private static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-.^_`|~".Contains(c, StringComparison.Ordinal);

    private static CredentialDataCheck Refuse(string type, string error) => new(type, null, error);

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 64 ? text : text[..64] + "…";
}
