using System.Security.Cryptography;
using Guichet.Deliver.Cases;
using Guichet.Platform.Files;

namespace Guichet.Deliver.Documents;

/// Adding documents to a case and reading them back: checked by content, hashed, stored once,
/// each addition and each download of personal data in the event log.
internal sealed class DocumentWork(GuichetDb db, EventLog eventLog, TimeProvider time)
{
    public async Task<Result<CaseDocument>> AddAsync(ClaimsPrincipal? user, Case @case, string? kindText, string? fileName, byte[] bytes, CancellationToken ct)
    {
        var staged = await StageAsync(user, @case, kindText, fileName, bytes, ct);
        if (staged.Value is not { } document) return staged;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (DbErrors.IsUniqueViolation(e))
        {
            // The same content arrived in a parallel request and is stored now: add the rest again.
            db.ChangeTracker.Clear();
            staged = await StageAsync(user, @case, kindText, fileName, bytes, ct);
            await db.SaveChangesAsync(ct);
            return staged;
        }
        return document;
    }

    /// Checks the file and adds the document, its content (unless stored already) and the event
    /// to the unit of work without saving, so that a caller can save it with more (an answer to a
    /// customer request resumes the clock in the same transaction).
    public async Task<Result<CaseDocument>> StageAsync(ClaimsPrincipal? user, Case @case, string? kindText, string? fileName, byte[] bytes, CancellationToken ct)
    {
        var errors = new List<InvalidParam>();
        DocumentKind? kind = kindText switch
        {
            "application" => DocumentKind.Application, "evidence" => DocumentKind.Evidence, "correspondence" => DocumentKind.Correspondence,
            "decision" => DocumentKind.Decision, "other" or null => DocumentKind.Other, _ => null,
        };
        if (kind is null) errors.Add(new("kind", "unknown-code", "Use application, evidence, correspondence, decision or other."));
        if (bytes.Length == 0) errors.Add(new("file", "empty-file", "The file is empty."));
        if (errors.Count > 0) return Result<CaseDocument>.Invalid(errors);
        if (FileTypes.Sniff(bytes) is not { } type) return Result<CaseDocument>.Refused(DocumentRefusals.UnsupportedType);
        if (@case.IsClosed) return Result<CaseDocument>.Refused(CaseRefusals.Closed);

        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!await db.Set<CaseDocumentContent>().AnyAsync(c => c.Sha256 == sha, ct)) db.Add(new CaseDocumentContent(sha, bytes));
        var document = new CaseDocument(@case.Id, kind!.Value, FileTypes.SafeName(fileName, type), type, bytes.Length, sha, user is null ? "customer" : EventLog.ActorOf(user), time.GetUtcNow());
        db.Add(document);
        var objects = CaseWork.Objects(@case, eventLog).Append(new EventLogObject("document", document.Id.ToString(), Role.Part));
        var attributes = new Dictionary<string, object?> { ["kind"] = kindText ?? "other", ["mediaType"] = type.MediaType, ["size"] = bytes.Length, ["sha256"] = sha };
        if (user is null) eventLog.Record("customer", DeliverActivities.DocumentAdded, objects, attributes);
        else eventLog.Record(user, DeliverActivities.DocumentAdded, objects, attributes);
        return document;
    }

    /// A document and its bytes, for someone who may see the case; the download is recorded.
    public async Task<Result<DocumentFile>> DownloadAsync(ClaimsPrincipal user, Guid caseId, Guid documentId, CancellationToken ct)
    {
        // Not found, whether the case is out of sight or the document is not one of its own.
        var notFound = Result<DocumentFile>.NotFound("The document");
        if ((await CaseScope.FindAsync(db, user, caseId, tracked: false, ct)).Value is not { } @case) return notFound;
        var document = await db.Set<CaseDocument>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == documentId && d.CaseId == caseId, ct);
        if (document is null) return notFound;
        var content = await db.Set<CaseDocumentContent>().AsNoTracking().FirstAsync(c => c.Sha256 == document.Sha256, ct);
        eventLog.Record(user, DeliverActivities.DocumentViewed, CaseWork.Objects(@case, eventLog).Append(new EventLogObject("document", document.Id.ToString(), Role.Part)));
        await db.SaveChangesAsync(ct);
        return new DocumentFile(document, content.Bytes);
    }
}

internal sealed record DocumentFile(CaseDocument Document, byte[] Bytes);
