using Guichet.Deliver.Cases;
using Guichet.Deliver.Cases.Api;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Deliver.Documents.Api;

internal sealed record DocumentResponse(Guid Id, Guid CaseId, DocumentKind Kind, RetentionClass Retention, string FileName, string MediaType, long Size, string Sha256, string UploadedBy, DateTimeOffset UploadedAt)
{
    public static DocumentResponse From(CaseDocument d) => new(d.Id, d.CaseId, d.Kind, d.Retention, d.FileName, d.MediaType, d.Size, d.Sha256, d.UploadedBy, d.UploadedAt);
}

/// One uploaded file and its form, or the problem that stopped reading them.
internal sealed record UploadedForm(IFormFile? File, IFormCollection? Form, ProblemHttpResult? Problem);

internal static class DocumentsApi
{
    public static WebApplication MapDocumentsApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/v1/cases/{id:guid}/documents").WithTags("Documents").RequireAuthorization(Acts.CaseRead);
        // Bearer tokens only on /api: no cookie, so no cross-site request to forge.
        api.MapPost("", Upload).RequireAuthorization(Acts.CaseAnnotate).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(400).ProducesProblem(404).ProducesProblem(409).ProducesProblem(413).ProducesProblem(415)
            .WithSummary("Adds a document (multipart field 'file', optional 'kind': application, evidence, correspondence, decision, other); at most 10 MB; PDF, PNG, JPEG, TIFF, DOCX or ODT, recognised by content.");
        api.MapGet("", List).ProducesProblem(404).WithSummary("The documents of a case, newest first.");
        api.MapGet("/{documentId:guid}", Download).ProducesProblem(404).WithSummary("One document's content, as an attachment; the download is recorded.");
        return app;
    }

    /// Reads one uploaded file of at most <paramref name="limit"/> bytes, or says why not
    /// (too large: 413; not multipart or no file: 400); the form, when it could be read.
    public static async Task<UploadedForm> ReadFileAsync(HttpRequest request, long limit, CancellationToken ct)
    {
        var tooLarge = Problems.Of(StatusCodes.Status413PayloadTooLarge, "payload-too-large", $"A file may be at most {limit / 1024 / 1024} MB.");
        if (request.ContentLength > limit + 64 * 1024) return new(null, null, tooLarge);
        if (!request.HasFormContentType) return new(null, null, Problems.Validation("file", "required", "Send the file as multipart/form-data in the field 'file'."));
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit + 64 * 1024;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            return new(null, null, e is BadHttpRequestException { StatusCode: 413 } ? tooLarge : Problems.BadRequest("bad-request", "The form could not be read."));
        }
        var file = form.Files.GetFile("file");
        if (file is null) return new(null, form, Problems.Validation("file", "required", "Send the file in the field 'file'."));
        if (file.Length > limit) return new(null, form, tooLarge);
        return new(file, form, null);
    }

    private static async Task<Results<Created<DocumentResponse>, ProblemHttpResult>> Upload(
        Guid id, HttpRequest request, DocumentWork documents, GuichetDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await CaseScope.FindAsync(db, user, id, tracked: true, ct);
        if (found.Value is not { } @case) return found.ToProblem();
        var (file, form, problem) = await ReadFileAsync(request, CaseDocument.MaxBytes, ct);
        if (problem is not null) return problem;
        using var buffer = new MemoryStream();
        await file!.CopyToAsync(buffer, ct);
        var result = await documents.AddAsync(user, @case, form!["kind"].FirstOrDefault(), file.FileName, buffer.ToArray(), ct);
        return result.Value is { } d ? TypedResults.Created($"/api/v1/cases/{id}/documents/{d.Id}", DocumentResponse.From(d)) : result.ToProblem();
    }

    private static Task<Results<Ok<List<DocumentResponse>>, ProblemHttpResult>> List(Guid id, GuichetDb db, ClaimsPrincipal user, CancellationToken ct) =>
        CasesApi.PartsAsync(db, user, id, (IEnumerable<CaseDocument> documents) => documents.OrderByDescending(d => d.UploadedAt).Select(DocumentResponse.From), ct);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Download(Guid id, Guid documentId, DocumentWork documents, ClaimsPrincipal user, CancellationToken ct)
    {
        var found = await documents.DownloadAsync(user, id, documentId, ct);
        if (found.Value is not { } download) return found.ToProblem();
        return TypedResults.File(download.Bytes, download.Document.MediaType, download.Document.FileName);
    }
}
