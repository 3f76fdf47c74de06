using Guichet.Deliver.Decisions;
using PdfSharp.Pdf;

namespace Guichet.Follow.Notices;

/// The letters of a notice for recipients without an e-mail address, collected into one PDF for the
/// mail room (each letter on its own pages, the address where a window envelope shows it), written
/// with Deliver's letter writer and font. Printing marks the letters due as printed, once.
internal sealed class NoticeLetters(GuichetDb db, EventLog eventLog, TimeProvider time, Texts texts)
{
    public async Task<Result<byte[]>> PrintAsync(ClaimsPrincipal user, Guid noticeId, CancellationToken ct)
    {
        var notice = await db.Set<Notice>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == noticeId, ct);
        if (notice is null) return Result<byte[]>.NotFound("The notice");
        var letters = await db.Set<NoticeRecipient>().Where(r => r.NoticeId == noticeId && r.Channel == RecipientChannel.Letter)
            .OrderBy(r => r.Key).ToListAsync(ct);
        if (letters.Count == 0) return Result<byte[]>.Refused(new Refusal(409, "notice-without-letters", "Every recipient of this notice has an e-mail address: there is no letter to print."));

        var pdf = Render(notice, letters);
        var now = time.GetUtcNow();
        var due = letters.Where(r => r.State == RecipientState.LetterDue).ToList();
        if (due.Count > 0)
        {
            foreach (var r in due) r.Printed(now);
            eventLog.Record(user, FollowActivities.NoticeLettersPrinted, [new("notice", notice.Id.ToString(), Role.Subject)],
                new Dictionary<string, object?> { ["count"] = due.Count });
            await db.SaveChangesAsync(ct);
        }
        return pdf;
    }

    private byte[] Render(Notice notice, List<NoticeRecipient> letters)
    {
        LetterFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = notice.VersionFor(notice.PrimaryLanguage).Subject;
        var writer = new LetterPdfLines(document);
        var today = BrusselsTime.LocalDate(time.GetUtcNow());
        foreach (var r in letters)
        {
            var (subject, body, language) = notice.VersionFor(r.Language);
            var culture = CultureInfo.GetCultureInfo(Languages.CultureName(language));
            writer.NewPage();
            writer.Space(90);
            writer.Write(r.Name ?? "", 11, bold: true);
            writer.Write(r.PostalAddress ?? "", 11, bold: false);
            writer.Space(30);
            writer.Write(today.ToString("d MMMM yyyy", culture), 10, bold: false);
            if (r.CaseNumber is { } number) writer.Write(string.Format(culture, texts.Get(language, "notices.letter.case"), number), 10, bold: false);
            writer.Space(14);
            writer.Write(subject, 14, bold: true);
            writer.Space(6);
            writer.Write(NoticeMarkdown.Text(body), 11, bold: false);
        }
        writer.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }
}
