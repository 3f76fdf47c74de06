using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guichet.Deliver.Documents;
using Guichet.Platform.Files;
using Guichet.Tests.Deliver.Cases;
using Guichet.Tests.Support;
using static Guichet.Tests.Support.ApiJson;

namespace Guichet.Tests.Deliver.Documents;

public sealed class DocumentsApiTests(DeliverApp app) : IClassFixture<DeliverApp>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    private async Task<(HttpClient Handler, string Id)> CaseAsync()
    {
        var handler = await app.ClientAsAsync(DemoAccounts.CaseHandler);
        var open = await handler.PostAsync("/api/v1/cases", JsonBody(new
        {
            caseType = "building-permit", language = "fr", subject = "Véranda",
            parties = new object[] { new { role = "applicant", kind = "person", name = "Jean Dubois" } },
        }));
        return (handler, (await open.ReadJsonAsync()).GetProperty("id").GetString()!);
    }

    private static MultipartFormDataContent Form(byte[] bytes, string name, string? kind = "evidence", string contentType = "application/pdf")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", name);
        if (kind is not null) form.Add(new StringContent(kind), "kind");
        return form;
    }

    private (int Documents, int Contents) Counts() => app.InScope(db => (db.Set<CaseDocument>().Count(), db.Set<CaseDocumentContent>().Count()));

    [Fact]
    public async Task A_document_is_stored_with_its_hash_and_retention_and_comes_back_as_sent()
    {
        var (handler, id) = await CaseAsync();
        var response = await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(Pdf, "../../etc/plans v2.exe"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var d = await response.ReadJsonAsync();
        Assert.Equal("plans v2.pdf", d.GetProperty("fileName").GetString());
        Assert.Equal("tenYears", d.GetProperty("retention").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), d.GetProperty("sha256").GetString());
        var download = await handler.GetAsync($"/api/v1/cases/{id}/documents/{d.GetProperty("id").GetString()}");
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        var history = await (await handler.GetAsync($"/api/v1/cases/{id}/history")).ReadJsonAsync();
        Assert.Contains(history.EnumerateArray(), e => e.GetProperty("activity").GetString() == "deliver.document.viewed");
    }

    [Fact]
    public async Task The_same_content_twice_is_stored_once()
    {
        var (handler, id) = await CaseAsync();
        var bytes = Encoding.ASCII.GetBytes("%PDF-1.7\nunique " + Guid.NewGuid() + "\n%%EOF");
        var before = Counts();
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(bytes, "a.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(bytes, "b.pdf"))).StatusCode);
        Assert.Equal((before.Documents + 2, before.Contents + 1), Counts());
    }

    [Fact]
    public async Task A_script_named_pdf_is_refused_by_its_content_and_nothing_is_stored()
    {
        var (handler, id) = await CaseAsync();
        var before = Counts();
        var response = await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "invoice.pdf"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("unsupported-file-type", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task An_oversized_document_is_refused_and_nothing_is_stored()
    {
        var (handler, id) = await CaseAsync();
        var before = Counts();
        var big = new byte[CaseDocument.MaxBytes + 1];
        Pdf.CopyTo(big, 0);
        var response = await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(big, "huge.pdf"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload-too-large", (await response.ReadJsonAsync()).GetProperty("code").GetString());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task A_missing_file_or_an_unknown_kind_is_refused()
    {
        var (handler, id) = await CaseAsync();
        var before = Counts();
        var noFile = new MultipartFormDataContent { { new StringContent("evidence"), "kind" } };
        Assert.Equal(HttpStatusCode.BadRequest, (await handler.PostAsync($"/api/v1/cases/{id}/documents", noFile)).StatusCode);
        var badKind = await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(Pdf, "a.pdf", kind: "selfie"));
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task Another_units_handler_cannot_add_list_or_download()
    {
        var (handler, id) = await CaseAsync();
        var doc = (await (await handler.PostAsync($"/api/v1/cases/{id}/documents", Form(Pdf, "a.pdf"))).ReadJsonAsync()).GetProperty("id").GetString();
        var other = await app.OtherUnitHandlerAsync();
        var before = Counts();
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/cases/{id}/documents", Form(Pdf, "b.pdf"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{id}/documents")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cases/{id}/documents/{doc}")).StatusCode);
        Assert.Equal(before, Counts());
    }

    [Fact]
    public void File_types_are_recognised_by_content()
    {
        Assert.Equal(FileTypes.Pdf, FileTypes.Sniff(Pdf));
        Assert.Equal(FileTypes.Png, FileTypes.Sniff(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0 }));
        Assert.Equal(FileTypes.Jpeg, FileTypes.Sniff(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }));
        Assert.Null(FileTypes.Sniff("MZ\u0090\0"u8));
        using var docx = new MemoryStream();
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) w.Write("<w:document/>");
        Assert.Equal(FileTypes.Docx, FileTypes.Sniff(docx.ToArray()));
        using var otherZip = new MemoryStream();
        using (var zip = new ZipArchive(otherZip, ZipArchiveMode.Create, leaveOpen: true))
            using (var w = new StreamWriter(zip.CreateEntry("payload.exe").Open())) w.Write("x");
        Assert.Null(FileTypes.Sniff(otherZip.ToArray()));
    }
}
