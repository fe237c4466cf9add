using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Workflow.Grains.Abstractions.Identity;

namespace Workflow.Api.Auth;

/// <summary>Issues HS256 access tokens carrying the user's claims (<see cref="WorkflowClaims"/>).</summary>
public sealed class TokenIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public IssuedToken Issue(UserAccount account)
    {
        var settings = options.Value;
        // JWT times are whole seconds; answering the same instant the token holds avoids surprises.
        var now = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var expires = now + settings.TokenLifetime;
        var identity = WorkflowClaims.CreateIdentity(account, "jwt");
        identity.AddClaim(new System.Security.Claims.Claim(JwtRegisteredClaimNames.Jti, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))));
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Subject = identity,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        };
        return new IssuedToken(_handler.CreateToken(descriptor), expires);
    }
}
