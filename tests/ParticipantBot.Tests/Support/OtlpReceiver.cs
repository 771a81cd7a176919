using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ParticipantBot.Tests.Support;

/// <summary>
/// An OTLP/HTTP receiver of the tests' own (protobuf, as the .NET exporter sends it), on a loopback
/// port: it keeps every request's bytes and reads spans and metric points out of them with a small
/// protobuf reader (no OTLP package is served here).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _requests = new();

    private OtlpReceiver(WebApplication app, string url) { _app = app; Url = url; }

    public string Url { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        OtlpReceiver? self = null;
        app.MapPost("/v1/{signal}", async (string signal, HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            self!._requests.Enqueue((signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        self = new OtlpReceiver(app, app.Urls.First().TrimEnd('/'));
        return self;
    }

    public IReadOnlyList<(string Signal, byte[] Body)> Requests => [.. _requests];

    /// <summary>Everything received, as text (protobuf strings are plain UTF-8), for scanning.</summary>
    public string AllText() => string.Join('\n', Requests.Select(r => Encoding.UTF8.GetString(r.Body)));

    public IReadOnlyList<OtlpSpan> Spans() => [.. Requests.Where(r => r.Signal == "traces").SelectMany(r => OtlpSpan.Read(r.Body))];

    public IReadOnlyList<OtlpPoint> Points() => [.. Requests.Where(r => r.Signal == "metrics").SelectMany(r => OtlpPoint.Read(r.Body))];

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record OtlpSpan(string Name, int Kind, string SpanId, string ParentSpanId, IReadOnlyDictionary<string, object?> Attributes,
    IReadOnlyDictionary<string, object?> Resource, int Links)
{
    public const int Server = 2, Client = 3;

    public string? Attribute(string key) => Attributes.TryGetValue(key, out var v) ? v?.ToString() : null;
    public string Instance => Resource.TryGetValue("service.instance.id", out var v) ? v?.ToString() ?? "" : "";

    public static IEnumerable<OtlpSpan> Read(byte[] request)
    {
        foreach (var resourceSpans in Protobuf.Messages(request, 1))
        {
            var resource = Protobuf.Messages(resourceSpans, 1).Select(r => Protobuf.Attributes(r, 1)).FirstOrDefault() ?? new Dictionary<string, object?>();
            foreach (var scopeSpans in Protobuf.Messages(resourceSpans, 2))
                foreach (var span in Protobuf.Messages(scopeSpans, 2))
                    yield return new OtlpSpan(
                        Protobuf.String(span, 5) ?? "",
                        (int)(Protobuf.Varint(span, 6) ?? 0),
                        Convert.ToHexString(Protobuf.Bytes(span, 2) ?? []),
                        Convert.ToHexString(Protobuf.Bytes(span, 4) ?? []),
                        Protobuf.Attributes(span, 9),
                        resource,
                        Protobuf.Messages(span, 13).Count());
        }
    }
}

public sealed record OtlpPoint(string Metric, IReadOnlyDictionary<string, object?> Attributes, double Value, IReadOnlyDictionary<string, object?> Resource)
{
    public string? Attribute(string key) => Attributes.TryGetValue(key, out var v) ? v?.ToString() : null;

    public static IEnumerable<OtlpPoint> Read(byte[] request)
    {
        foreach (var resourceMetrics in Protobuf.Messages(request, 1))
        {
            var resource = Protobuf.Messages(resourceMetrics, 1).Select(r => Protobuf.Attributes(r, 1)).FirstOrDefault() ?? new Dictionary<string, object?>();
            foreach (var scopeMetrics in Protobuf.Messages(resourceMetrics, 2))
                foreach (var metric in Protobuf.Messages(scopeMetrics, 2))
                {
                    var name = Protobuf.String(metric, 1) ?? "";
                    // gauge (5) and sum (7) hold NumberDataPoints; histogram (9) HistogramDataPoints (count is field 4).
                    foreach (var number in new[] { 5, 7 }.SelectMany(f => Protobuf.Messages(metric, f)).SelectMany(g => Protobuf.Messages(g, 1)))
                    {
                        var value = Protobuf.Fixed64(number, 4) is { } d ? BitConverter.Int64BitsToDouble((long)d) : (double)(long)(Protobuf.Fixed64(number, 6) ?? 0);
                        yield return new OtlpPoint(name, Protobuf.Attributes(number, 7), value, resource);
                    }
                    foreach (var histogram in Protobuf.Messages(metric, 9).SelectMany(h => Protobuf.Messages(h, 1)))
                        yield return new OtlpPoint(name, Protobuf.Attributes(histogram, 9), Protobuf.Fixed64(histogram, 4) ?? 0, resource);
                }
        }
    }
}

/// <summary>Just enough of the protobuf wire format to read OTLP: varints, fixed 64-bit, length-delimited fields.</summary>
internal static class Protobuf
{
    private readonly record struct Field(int Number, int Wire, ulong Number64, ReadOnlyMemory<byte> Bytes);

    private static IEnumerable<Field> Fields(ReadOnlyMemory<byte> data)
    {
        var position = 0;
        while (position < data.Length)
        {
            var key = ReadVarint(data.Span, ref position);
            var number = (int)(key >> 3);
            var wire = (int)(key & 7);
            switch (wire)
            {
                case 0: yield return new Field(number, wire, ReadVarint(data.Span, ref position), default); break;
                case 1: yield return new Field(number, wire, BinaryPrimitives.ReadUInt64LittleEndian(data.Span[position..]), default); position += 8; break;
                case 2:
                    var length = (int)ReadVarint(data.Span, ref position);
                    yield return new Field(number, wire, 0, data.Slice(position, length));
                    position += length;
                    break;
                case 5: yield return new Field(number, wire, BinaryPrimitives.ReadUInt32LittleEndian(data.Span[position..]), default); position += 4; break;
                default: throw new FormatException($"protobuf wire type {wire}");
            }
        }
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = data[position++];
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }

    public static IEnumerable<ReadOnlyMemory<byte>> Messages(ReadOnlyMemory<byte> data, int number) =>
        Fields(data).Where(f => f.Number == number && f.Wire == 2).Select(f => f.Bytes).ToList();

    public static IEnumerable<ReadOnlyMemory<byte>> Messages(byte[] data, int number) => Messages(data.AsMemory(), number);

    public static string? String(ReadOnlyMemory<byte> data, int number) =>
        Fields(data).Where(f => f.Number == number && f.Wire == 2).Select(f => Encoding.UTF8.GetString(f.Bytes.Span)).FirstOrDefault();

    public static byte[]? Bytes(ReadOnlyMemory<byte> data, int number) =>
        Fields(data).Where(f => f.Number == number && f.Wire == 2).Select(f => f.Bytes.ToArray()).FirstOrDefault();

    public static ulong? Varint(ReadOnlyMemory<byte> data, int number) =>
        Fields(data).Where(f => f.Number == number && f.Wire == 0).Select(f => (ulong?)f.Number64).FirstOrDefault();

    public static ulong? Fixed64(ReadOnlyMemory<byte> data, int number) =>
        Fields(data).Where(f => f.Number == number && f.Wire == 1).Select(f => (ulong?)f.Number64).FirstOrDefault();

    /// <summary>KeyValue list (key 1, AnyValue 2: string 1, bool 2, int 3, double 4).</summary>
    public static Dictionary<string, object?> Attributes(ReadOnlyMemory<byte> data, int number)
    {
        var result = new Dictionary<string, object?>();
        foreach (var pair in Messages(data, number))
        {
            var key = String(pair, 1) ?? "";
            var value = Messages(pair, 2).FirstOrDefault();
            object? v = null;
            foreach (var f in Fields(value))
                v = f.Number switch
                {
                    1 => Encoding.UTF8.GetString(f.Bytes.Span),
                    2 => f.Number64 != 0,
                    3 => (long)f.Number64,
                    4 => BitConverter.Int64BitsToDouble((long)f.Number64),
                    _ => v,
                };
            result[key] = v;
        }
        return result;
    }
}
