using System.Security.Claims;
using System.Text.Encodings.Web;
using Bedflow.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bedflow.Web.Security;

/// <summary>
/// Personal API tokens: "Authorization: Bearer bft_…", looked up by their hash on every request, so
/// a replaced token or a removed account stops working at once and the role is always the current one.
/// </summary>
internal sealed class TokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, AccountStore accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.Fail("the Authorization header is not 'Bearer TOKEN'.");
        }
        var account = await accounts.FindByTokenAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (account is null)
        {
            return AuthenticateResult.Fail("the token is not known (replaced, or its account removed).");
        }
        var principal = Principals.For(account, Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
