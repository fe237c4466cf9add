using System.Text.Json.Nodes;
using Workflow.Core.Security;

namespace Workflow.Core.Tests.Security;

public sealed class CredentialDataValidatorTests
{
    [Theory]
    [InlineData("basic", """{"username":"ada","password":"pw"}""")]
    [InlineData("bearer", """{"token":"t"}""")]
    [InlineData("apiKey", """{"value":"v"}""")]
    [InlineData("apiKey", """{"header":"X-Api-Key","value":"v"}""")]
    [InlineData("oauth2ClientCredentials", """{"tokenUrl":"https://id.example.com/token","clientId":"c","clientSecret":"s","scope":"read"}""")]
    [InlineData("smtp", """{"host":"mail.example.com","port":587,"username":"u","password":"p","useTls":true}""")]
    [InlineData("smtp", """{"host":"mail.example.com","port":25}""")]
    [InlineData("database", """{"provider":"Postgres","connectionString":"Host=db"}""")]
    public void Validate_ValidData_IsValid(string type, string data)
    {
        var check = CredentialDataValidator.Validate(type, JsonNode.Parse(data));

        Assert.True(check.Valid, check.Error);
        Assert.Equal(type, check.Type);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(data), JsonNode.Parse(check.DataJson!)));
    }

    [Theory]
    [InlineData("password", """{"username":"ada","password":"pw"}""")]
    [InlineData("nope", "{}")]
    [InlineData(null, "{}")]
    public void Validate_UnknownType_IsRefused(string? type, string data)
    {
        var check = CredentialDataValidator.Validate(type, JsonNode.Parse(data));

        Assert.False(check.Valid);
        Assert.Contains("Unknown credential type", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TypeInOtherCase_IsNormalized()
    {
        var check = CredentialDataValidator.Validate("APIKEY", JsonNode.Parse("""{"value":"v"}"""));

        Assert.True(check.Valid);
        Assert.Equal(CredentialTypes.ApiKey, check.Type);
    }

    [Theory]
    [InlineData("basic", """{"username":"ada"}""", "password")]
    [InlineData("basic", """{"username":"","password":"pw"}""", "username")]
    [InlineData("basic", """{"username":"ada","password":"pw","pasword":"x"}""", "pasword")]
    [InlineData("bearer", """{"token":42}""", "token")]
    [InlineData("apiKey", """{"header":"X Api Key","value":"v"}""", "header")]
    [InlineData("oauth2ClientCredentials", """{"tokenUrl":"ftp://x/token","clientId":"c","clientSecret":"s"}""", "tokenUrl")]
    [InlineData("smtp", """{"host":"h","port":70000}""", "port")]
    [InlineData("smtp", """{"host":"h","port":"587"}""", "port")]
    [InlineData("smtp", """{"host":"h","port":25,"useTls":"yes"}""", "useTls")]
    [InlineData("database", """{"provider":"mysql","connectionString":"x"}""", "provider")]
    public void Validate_BadField_NamesTheField(string type, string data, string field)
    {
        var check = CredentialDataValidator.Validate(type, JsonNode.Parse(data));

        Assert.False(check.Valid);
        Assert.Null(check.DataJson);
        Assert.Contains($"'{field}'", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotAnObject_IsRefused()
    {
        Assert.False(CredentialDataValidator.Validate("bearer", JsonNode.Parse("[]")).Valid);
        Assert.False(CredentialDataValidator.Validate("bearer", null).Valid);
    }

    [Fact]
    public void Validate_Refused_ErrorDoesNotEchoSecretValues()
    {
        var check = CredentialDataValidator.Validate("smtp", JsonNode.Parse("""{"host":"h","port":25,"password":17}"""));

        Assert.False(check.Valid);
        Assert.DoesNotContain("17", check.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DatabaseProviderInLowerCase_IsCanonicalized()
    {
        var check = CredentialDataValidator.Validate("database", JsonNode.Parse("""{"provider":"sqlite","connectionString":"Data Source=x"}"""));

        Assert.Equal("Sqlite", JsonNode.Parse(check.DataJson!)!["provider"]!.GetValue<string>());
    }

    [Fact]
    public void Validate_TooLarge_IsRefused()
    {
        var data = new JsonObject { ["token"] = new string('x', CredentialDataValidator.MaxFieldLength + 1) };

        Assert.False(CredentialDataValidator.Validate("bearer", data).Valid);
    }

    [Fact]
    public void CredentialDataCheck_ToString_HidesData()
    {
        var check = CredentialDataValidator.Validate("bearer", JsonNode.Parse("""{"token":"s3cr3t"}"""));

        Assert.DoesNotContain("s3cr3t", check.ToString(), StringComparison.Ordinal);
    }
}
