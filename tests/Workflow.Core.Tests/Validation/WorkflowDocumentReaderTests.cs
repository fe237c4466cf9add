using System.Text;
using System.Text.Json;
using Workflow.Core.Graph;
using Workflow.Core.Validation;

namespace Workflow.Core.Tests.Validation;

public sealed class WorkflowDocumentReaderTests
{
    private static readonly WorkflowLimits Limits = new();

    private const string ValidJson = """
        {
          "name": "Reader test",
          "status": "draft",
          "version": 1,
          "definition": {
            "nodes": [
              { "id": "start", "type": "trigger", "position": {"x": 0, "y": 0}, "config": {"kind": "manual"} },
              { "id": "act", "type": "action", "data": {"label": "Act"}, "config": {"durationSeconds": 1} }
            ],
            "edges": [ { "id": "e1", "source": "start", "target": "act" } ],
            "variables": [ { "name": "n", "default": 3 } ]
          },
          "settings": { "timeoutSeconds": 60 }
        }
        """;

    private static WorkflowReadResult Read(string json, WorkflowLimits? limits = null) =>
        WorkflowDocumentReader.Read(Encoding.UTF8.GetBytes(json), limits ?? Limits);

    private static ValidationError Failure(WorkflowReadResult result)
    {
        Assert.False(result.Succeeded);
        Assert.Null(result.Document);
        return result.Error;
    }

    [Fact]
    public void Read_ValidDocument_ReturnsDocument()
    {
        var result = Read(ValidJson);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("Reader test", result.Document.Name);
        Assert.Equal(["start", "act"], result.Document.Definition.Nodes.Select(n => n.Id));
        Assert.Equal(3, result.Document.Definition.Variables[0].Default!.GetValue<int>());
    }

    [Fact]
    public void Read_DocumentWithUtf8Bom_ReturnsDocument()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(ValidJson)];

        Assert.True(WorkflowDocumentReader.Read(bytes, Limits).Succeeded);
    }

    [Fact]
    public void Read_TenMegabyteBody_ReportsTooLarge()
    {
        var body = new byte[10 * 1024 * 1024];
        body.AsSpan().Fill((byte)' ');
        body[0] = (byte)'{';
        body[^1] = (byte)'}';

        Assert.Equal(ValidationCodes.TooLarge, Failure(WorkflowDocumentReader.Read(body, Limits)).Code);
    }

    [Fact]
    public void Read_ExactlyMaxBytes_IsNotTooLarge()
    {
        var json = ValidJson.PadRight(Limits.MaxDocumentBytes);

        Assert.True(Read(json).Succeeded);
    }

    [Fact]
    public void Read_TenThousandLevelsDeep_ReportsTooDeepWithoutThrowing()
    {
        var json = """{"name":"x","definition":{"nodes":[{"id":"a","type":"t","config":{"v":""" + new string('[', 10_000) + new string(']', 10_000) + "}}]}}";

        var error = Failure(Read(json));

        Assert.Equal(ValidationCodes.TooDeep, error.Code);
        Assert.Contains(Limits.MaxJsonDepth.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
    }

    [Fact]
    public void Read_TenThousandLevelsDeepAndUnterminated_ReportsTooDeep()
    {
        Assert.Equal(ValidationCodes.TooDeep, Failure(Read(new string('{', 1) + string.Concat(Enumerable.Repeat("\"a\":{", 10_000)))).Code);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(2, false)]
    public void Read_DepthAtAndOverLimit_AcceptsAtAndRejectsOver(int maxDepth, bool accepted)
    {
        // Root object (1) → definition (2) → nodes array (3).
        var result = Read("""{"name":"x","definition":{"nodes":[]}}""", new WorkflowLimits { MaxJsonDepth = maxDepth });

        Assert.Equal(accepted, result.Succeeded);
        if (!accepted)
        {
            Assert.Equal(ValidationCodes.TooDeep, result.Error!.Code);
        }
    }

    [Fact]
    public void Read_DeeperLimitThanSerializerDefault_AcceptsDeepConfig()
    {
        var nested = string.Concat(Enumerable.Repeat("""{"a":""", 80)) + "1" + new string('}', 80);
        var json = """{"name":"x","definition":{"nodes":[{"id":"a","type":"t","config":{"v":""" + nested + "}}]}}";

        Assert.True(Read(json, new WorkflowLimits { MaxJsonDepth = 100 }).Succeeded);
    }

    [Theory]
    [InlineData("""{"name": "x",""")]
    [InlineData("""{"name": x}""")]
    [InlineData("""{"name": "x"} trailing""")]
    [InlineData("""{"name": "x", /* comment */ "version": 1}""")]
    [InlineData("")]
    public void Read_MalformedJson_ReportsInvalidJson(string json)
    {
        var error = Failure(Read(json));

        Assert.Equal(ValidationCodes.InvalidJson, error.Code);
        Assert.Contains("line", error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8InString_ReportsInvalidJson()
    {
        byte[] json = [.. "{\"name\": \""u8, 0xFF, 0xFE, .. "\"}"u8];

        Assert.Equal(ValidationCodes.InvalidJson, Failure(WorkflowDocumentReader.Read(json, Limits)).Code);
    }

    [Fact]
    public void Read_MalformedJsonOnThirdLine_ReportsThatLine()
    {
        var error = Failure(Read("{\n  \"name\": \"x\",\n  \"version\": ,\n}"));

        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void Read_UnknownMember_ReportsInvalidDocumentNamingPath()
    {
        var error = Failure(Read("""{"name":"x","definition":{"nodes":[{"id":"a","type":"t","colour":"red"}]}}"""));

        Assert.Equal(ValidationCodes.InvalidDocument, error.Code);
        Assert.Contains("$.definition.nodes[0]", error.Message);
        Assert.Contains("unknown member 'colour'", error.Message);
        Assert.DoesNotContain("Workflow.Core", error.Message); // no CLR type names in API errors
    }

    [Fact]
    public void Read_UnknownStatus_ReportsAllowedValues()
    {
        var error = Failure(Read("""{"name": "x", "status": "sleeping"}"""));

        Assert.Contains("draft, active, paused, archived", error.Message);
    }

    [Theory]
    [InlineData("""{"name": 5}""", "$.name")]
    [InlineData("""{"name": "x", "version": "three"}""", "$.version")]
    [InlineData("""{"name": "x", "status": "sleeping"}""", "$.status")]
    [InlineData("""{"name": "x", "definition": {"nodes": {}}}""", "$.definition.nodes")]
    [InlineData("""{"name": null}""", "$.name")]
    [InlineData("""{"name": "x", "definition": {"edges": null}}""", "$.definition.edges")]
    [InlineData("""{"name": "x", "definition": {"nodes": [null]}}""", "$.definition.nodes[0]")]
    [InlineData("""[1, 2]""", "$")]
    [InlineData("""null""", "")]
    public void Read_WrongShape_ReportsInvalidDocument(string json, string path)
    {
        var error = Failure(Read(json));

        Assert.Equal(ValidationCodes.InvalidDocument, error.Code);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Read_ParsedElement_ReturnsDocument()
    {
        using var parsed = JsonDocument.Parse(ValidJson);

        var result = WorkflowDocumentReader.Read(parsed.RootElement, Limits);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(2, result.Document.Definition.Nodes.Count);
    }

    [Fact]
    public void Read_ParsedElementTooDeep_ReportsTooDeep()
    {
        var json = new string('[', 200) + new string(']', 200);
        using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 1_000 });

        Assert.Equal(ValidationCodes.TooDeep, Failure(WorkflowDocumentReader.Read(parsed.RootElement, Limits)).Code);
    }

    [Fact]
    public async Task ReadAsync_StreamOverLimit_ReportsTooLargeWithoutReadingItAll()
    {
        var stream = new CountingStream(new MemoryStream(new byte[10 * 1024 * 1024]));

        var result = await WorkflowDocumentReader.ReadAsync(stream, Limits, CancellationToken.None);

        Assert.Equal(ValidationCodes.TooLarge, Failure(result).Code);
        Assert.Equal(Limits.MaxDocumentBytes + 1, stream.BytesRead);
    }

    [Fact]
    public async Task ReadAsync_ValidStream_ReturnsDocument()
    {
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(ValidJson));

        var result = await WorkflowDocumentReader.ReadAsync(stream, Limits, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal("Reader test", result.Document.Name);
    }

    [Fact]
    public void Read_ThenValidate_DocumentRoundTripsThroughWorkflowJson()
    {
        var document = Read(ValidJson).Document!;

        var again = Read(WorkflowJson.Serialize(document));

        Assert.True(again.Succeeded, again.Error?.Message);
        Assert.Equal(document.Definition.Edges, again.Document.Definition.Edges);
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
