using System.Diagnostics;
using Bedflow.Data.Register;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bedflow.Web.Hosting;

/// <summary>
/// One log line per request: method, path (masked of anything like an NHS number; never the query
/// string, which may hold anything a user typed), status, time taken and the account.
/// </summary>
internal sealed partial class RequestLog(RequestDelegate next, ILogger<RequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            await next(context);
        }
        finally
        {
            if (logger.IsEnabled(LogLevel.Information))
            {
                string path = NhsNumber.Redact(context.Request.Path.Value);
                string account = context.User.Identity?.Name ?? "-";
                double milliseconds = clock.Elapsed.TotalMilliseconds;
                Served(logger, context.Request.Method, path, context.Response.StatusCode, milliseconds, account);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} {Status} {Milliseconds:0.0} ms {Account}")]
    private static partial void Served(ILogger logger, string method, string path, int status, double milliseconds, string account);
}
