using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Bedflow.Web.Hosting;

/// <summary>
/// Lets a client that sends a body over the limit without `Expect: 100-continue` read its 413.
/// An endpoint refuses such a body from its Content-Length, before reading it; left there, Kestrel
/// would not drain a body over the request's size limit but close the connection at once, and the
/// client — still sending — gets a broken pipe or a connection reset instead of the answer (.NET's
/// HttpClient: "Error while copying content to a stream"). So after a 413 to an HTTP/1.x request
/// whose body is unread, this sends the answer whole and then reads and discards the body, at most
/// <see cref="MaxBytes"/> and for at most <see cref="MaxTime"/> (Kestrel's minimum data rate still
/// applies), with one pooled buffer: the connection stays open for the next request. A body larger
/// than that, one already partly read (chunked, with no Content-Length), or one the client said it
/// would wait to send (`Expect: 100-continue`) is not read: the connection is closed after the
/// answer, as Kestrel does (docs/web.md, "Uploads over the limit").
/// </summary>
internal sealed class OversizeDrain(RequestDelegate next)
{
    /// <summary>The most bytes of a refused body read and discarded (64 MB: four times the largest extract).</summary>
    public const long MaxBytes = 64L << 20;

    /// <summary>The longest a refused body is read for (30 s: 64 MB at about 17 Mbit/s).</summary>
    public static readonly TimeSpan MaxTime = TimeSpan.FromSeconds(30);

    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode != StatusCodes.Status413PayloadTooLarge || !Drainable(context, out long length))
        {
            return;
        }
        context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = length;
        await context.Response.CompleteAsync();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        timeout.CancelAfter(MaxTime);
        byte[] buffer = ArrayPool<byte>.Shared.Rent(64 << 10);
        try
        {
            while (await context.Request.Body.ReadAsync(buffer, timeout.Token) > 0)
            {
                // discarded
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client stopped sending (it read the answer and gave up) or was too slow: close the connection.
            context.Abort();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>True when the body can be drained: HTTP/1.x, a Content-Length of at most <see cref="MaxBytes"/>, not read yet, not waiting for a 100 Continue.</summary>
    private static bool Drainable(HttpContext context, out long length)
    {
        length = context.Request.ContentLength ?? 0;
        var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        return context.Request.ContentLength is > 0 and <= MaxBytes
            && (HttpProtocol.IsHttp10(context.Request.Protocol) || HttpProtocol.IsHttp11(context.Request.Protocol))
            && size is { IsReadOnly: false }
            && !context.Request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase);
    }
}
