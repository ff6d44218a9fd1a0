using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Bedflow.Web.Tests.Hosting;

/// <summary>
/// What a client sending an upload over a bare socket saw: the headers with a Content-Length and no
/// `Expect: 100-continue`, then the body — read while writing (as curl does: it stops sending once
/// the answer is in) or only once all is written (a naive client).
/// </summary>
/// <param name="Answer">The first answer's status line and headers, or null when none came.</param>
/// <param name="Body">The first answer's body (de-chunked).</param>
/// <param name="Written">Bytes of the body the client managed to write.</param>
/// <param name="WriteError">Why writing failed (a broken pipe, a reset), or null.</param>
/// <param name="Next">The status line of a GET /health sent next on the same connection, or null.</param>
/// <param name="Closed">The server closed the connection (end of stream or a reset) before the client did.</param>
/// <param name="Elapsed">From connecting to the end.</param>
internal sealed record RawUpload(string? Answer, string Body, long Written, string? WriteError, string? Next, bool Closed, TimeSpan Elapsed)
{
    public string? Status => Answer?[..Answer.IndexOf('\r', StringComparison.Ordinal)];

    /// <summary>
    /// Sends <paramref name="send"/> bytes (by default all) of a body that says it is
    /// <paramref name="contentLength"/> long; with <paramref name="thenHealth"/>, a GET /health on the
    /// same connection once the answer is in; waits at most <paramref name="limit"/> in all.
    /// </summary>
    public static async Task<RawUpload> SendAsync(Uri server, string path, string? token, long contentLength, bool readWhileWriting, TimeSpan limit, long? send = null, bool thenHealth = false)
    {
        var clock = Stopwatch.StartNew();
        using var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync(server.Host, server.Port);
        var stream = tcp.GetStream();
        using var stop = new CancellationTokenSource(limit);
        string head = $"POST {path} HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\n"
            + (token is null ? "" : $"Authorization: Bearer {token}\r\n")
            + string.Create(CultureInfo.InvariantCulture, $"Content-Type: multipart/form-data; boundary=b0undary\r\nContent-Length: {contentLength}\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), stop.Token);
        var received = new MemoryStream();
        bool closed = false;
        async Task ReadAsync()
        {
            var buffer = new byte[16 << 10];
            try
            {
                int n;
                while ((n = await stream.ReadAsync(buffer, stop.Token)) > 0)
                {
                    lock (received)
                    {
                        received.Write(buffer, 0, n);
                    }
                }
                closed = true;
            }
            catch (Exception e) when (e is IOException or SocketException)
            {
                closed = true;
            }
            catch (OperationCanceledException)
            {
            }
        }
        string Text()
        {
            lock (received)
            {
                return Encoding.UTF8.GetString(received.GetBuffer(), 0, (int)received.Length);
            }
        }
        Task? reading = readWhileWriting ? ReadAsync() : null;
        long written = 0, sending = send ?? contentLength;
        string? writeError = null;
        var chunk = new byte[64 << 10];
        Array.Fill(chunk, (byte)'x');
        try
        {
            while (written < sending && !(readWhileWriting && Parse(Text()).Done))
            {
                int n = (int)Math.Min(chunk.Length, sending - written);
                await stream.WriteAsync(chunk.AsMemory(0, n), stop.Token);
                written += n;
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
        {
            writeError = e.GetType().Name + ": " + (e.InnerException?.Message ?? e.Message);
        }
        reading ??= ReadAsync();
        bool waitForClose = written < contentLength && writeError is null && !readWhileWriting;
        while (!reading.IsCompleted && !stop.IsCancellationRequested && (waitForClose || !Parse(Text()).Done))
        {
            await Task.Delay(20);
        }
        var (answer, body, done, rest) = Parse(Text());
        string? next = null;
        if (thenHealth && done && !closed)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /health HTTP/1.1\r\nHost: {server.Host}:{server.Port}\r\n\r\n"), stop.Token);
            while (!reading.IsCompleted && !stop.IsCancellationRequested && !Text()[rest..].Contains("\r\n", StringComparison.Ordinal))
            {
                await Task.Delay(20);
            }
            string after = Text()[rest..];
            next = after.Contains("\r\n", StringComparison.Ordinal) ? after[..after.IndexOf("\r\n", StringComparison.Ordinal)] : null;
        }
        return new RawUpload(answer, body, written, writeError, next, closed, clock.Elapsed);
    }

    /// <summary>The first answer in <paramref name="text"/>: its head, body, whether it is all in, and where it ends.</summary>
    private static (string? Head, string Body, bool Done, int End) Parse(string text)
    {
        int head = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (head < 0)
        {
            return (null, "", false, 0);
        }
        string headers = text[..head];
        int start = head + 4;
        if (headers.Contains("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase))
        {
            var body = new StringBuilder();
            int at = start;
            while (true)
            {
                int line = text.IndexOf("\r\n", at, StringComparison.Ordinal);
                if (line < 0)
                {
                    return (headers, body.ToString(), false, 0);
                }
                int size = int.Parse(text[at..line], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                if (size == 0)
                {
                    return (headers, body.ToString(), text.Length >= line + 4, line + 4);
                }
                if (text.Length < line + 2 + size + 2)
                {
                    return (headers, body.ToString(), false, 0);
                }
                body.Append(text, line + 2, size); // the answers are ASCII (problem JSON, HTML): bytes = characters
                at = line + 2 + size + 2;
            }
        }
        string? length = headers.Split("\r\n").FirstOrDefault(h => h.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        int n = length is null ? 0 : int.Parse(length["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture);
        return text.Length >= start + n ? (headers, text.Substring(start, n), true, start + n) : (headers, "", false, 0);
    }
}
