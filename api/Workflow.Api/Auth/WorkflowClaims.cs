using System.Security.Claims;
using Workflow.Api.Http;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>The claims of a signed-in user, the same for a JWT and an API key.</summary>
public static class WorkflowClaims
{
    public const string Subject = "sub";
    public const string Tenant = TenantResolver.ClaimType;
    public const string Role = "role";
    public const string SystemAdmin = "sysadmin";

    /// <summary>The <see cref="UserAccount.UserId"/>: a token of a deleted user does not work for a new user of the same name.</summary>
    public const string UserId = "uid";

    /// <summary>An identity carrying <c>sub</c>, <c>tenant</c>, <c>uid</c>, one <c>role</c> per role and <c>sysadmin</c> when set.</summary>
    public static ClaimsIdentity CreateIdentity(UserAccount account, string authenticationType)
    {
        var claims = new List<Claim>
        {
            new(Subject, account.Username),
            new(Tenant, account.Tenant),
            new(UserId, account.UserId),
        };
        claims.AddRange(account.Roles.Select(role => new Claim(Role, role)));
        if (account.SystemAdmin)
        {
            claims.Add(new Claim(SystemAdmin, "true"));
        }
        return new ClaimsIdentity(claims, authenticationType, Subject, Role);
    }
}
