using System.Buffers.Text;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Workflow.Benchmarks;

/// <summary>
/// One load client's keep-alive HTTP/1.1 connection for <c>POST /hooks/default/{path}</c>, as lean as wrk's: the
/// requests are built once as bytes, an answer is read into a reused buffer (Content-Length or chunked) and only its
/// status and body are looked at. The load generator shares the silo's two cores, so what it spends per request is
/// taken from the silo; <see cref="HttpClient"/> builds a request and a response object, header collections and content
/// streams per call. <c>--httpclient</c> measures with <see cref="HttpClient"/> (README has both).
/// </summary>
internal sealed class RawHookClient : IDisposable
{
    private static readonly byte[] HeaderEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] LineEnd = "\r\n"u8.ToArray();

    private readonly EndPoint _endPoint;
    private readonly byte[][] _requests;
    private byte[] _buffer = new byte[16 * 1024];
    private Socket? _socket;

    /// <param name="baseAddress">The silo (a loopback address only).</param>
    /// <param name="path">The webhook path under <c>/hooks/default/</c>.</param>
    /// <param name="bodies">The request bodies, sent by index.</param>
    public RawHookClient(Uri baseAddress, string path, IReadOnlyList<byte[]> bodies)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The benchmark only talks to loopback, not {baseAddress}.", nameof(baseAddress));
        }
        _endPoint = new IPEndPoint(address, baseAddress.Port);
        _requests = [.. bodies.Select(body => Request(baseAddress, path, body))];
    }

    /// <summary>Sends body number <paramref name="body"/> and reads the answer: its status code and body text.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostAsync(int body, CancellationToken cancellationToken)
    {
        try
        {
            if (_socket is null)
            {
                _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                await _socket.ConnectAsync(_endPoint, cancellationToken);
            }
            await _socket.SendAsync(_requests[body], SocketFlags.None, cancellationToken);
            return await ReceiveAsync(_socket, cancellationToken);
        }
        catch (Exception e) when (e is SocketException or IOException)
        {
            Close();
            throw new HttpRequestException(e.Message, e);
        }
    }

    public void Dispose() => Close();

    private void Close()
    {
        _socket?.Dispose();
        _socket = null;
    }

    private async Task<(HttpStatusCode Status, string Body)> ReceiveAsync(Socket socket, CancellationToken cancellationToken)
    {
        var filled = 0;
        var headers = -1;
        var status = 0;
        var length = -1;
        var chunked = false;
        var close = false;
        while (true)
        {
            if (filled == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }
            var read = await socket.ReceiveAsync(_buffer.AsMemory(filled), SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                throw new IOException("The silo closed the connection before it answered.");
            }
            filled += read;
            if (headers < 0)
            {
                var end = _buffer.AsSpan(0, filled).IndexOf(HeaderEnd);
                if (end < 0)
                {
                    continue;
                }
                headers = end + HeaderEnd.Length;
                (status, length, chunked, close) = ParseHead(_buffer.AsSpan(0, end));
            }

            string? text;
            if (chunked)
            {
                text = TryReadChunked(_buffer.AsSpan(headers, filled - headers));
            }
            else if (length < 0)
            {
                throw new IOException("The answer has neither a Content-Length nor chunks.");
            }
            else
            {
                text = filled - headers >= length ? Encoding.UTF8.GetString(_buffer, headers, length) : null;
            }
            if (text is not null)
            {
                if (close)
                {
                    Close();
                }
                return ((HttpStatusCode)status, text);
            }
        }
    }

    /// <summary>The status code and the framing of an answer from its status line and headers.</summary>
    internal static (int Status, int Length, bool Chunked, bool Close) ParseHead(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf(LineEnd);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        // "HTTP/1.1 200 OK"
        if (statusLine.Length < 12 || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int status, out _))
        {
            throw new IOException("Not an HTTP answer: " + Encoding.ASCII.GetString(statusLine));
        }
        int length = -1;
        bool chunked = false, close = false;
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        while (!rest.IsEmpty)
        {
            var end = rest.IndexOf(LineEnd);
            var line = end < 0 ? rest : rest[..end];
            rest = end < 0 ? [] : rest[(end + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon];
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                length = Utf8Parser.TryParse(value, out int n, out _) ? n : throw new IOException("Bad Content-Length.");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Ascii.EqualsIgnoreCase(value, "close"u8);
            }
        }
        return (status, length, chunked, close);
    }

    /// <summary>The text of a chunked body, or null while it is not complete.</summary>
    internal static string? TryReadChunked(ReadOnlySpan<byte> body)
    {
        // The chunks' bytes first, decoded once: a character may be split between two chunks.
        var data = new List<byte>(body.Length);
        while (true)
        {
            var end = body.IndexOf(LineEnd);
            if (end < 0)
            {
                return null;
            }
            var sizeText = body[..end];
            var extension = sizeText.IndexOf((byte)';');
            if (extension >= 0)
            {
                sizeText = sizeText[..extension];
            }
            if (!Utf8Parser.TryParse(sizeText, out int size, out var consumed, 'X') || consumed != sizeText.Length)
            {
                throw new IOException("Bad chunk size.");
            }
            body = body[(end + 2)..];
            if (size == 0)
            {
                // The last chunk, then (no trailers from the silo) the empty line.
                return body.Length >= 2 ? Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data)) : null;
            }
            if (body.Length < size + 2)
            {
                return null;
            }
            data.AddRange(body[..size]);
            body = body[(size + 2)..];
        }
    }

    private static byte[] Request(Uri baseAddress, string path, byte[] body)
    {
        var head = $"POST /hooks/default/{path} HTTP/1.1\r\nHost: {baseAddress.Authority}\r\n" +
            $"Content-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n";
        return [.. Encoding.ASCII.GetBytes(head), .. body];
    }
}
