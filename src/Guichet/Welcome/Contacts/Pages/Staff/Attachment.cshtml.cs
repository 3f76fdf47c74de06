using Guichet.Platform.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// Downloads a file of a contact the user may see; the download is recorded (a view of personal
/// data). It is always served as an attachment with the type its content has, never the type
/// its sender claimed, so that nothing is rendered inline from a customer's file.
internal sealed class AttachmentModel(GuichetDb db, EventLog eventLog) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, Guid attachmentId, CancellationToken ct)
    {
        var contact = await ContactScope.FindAsync(db, User, id, ct);
        if (contact is null) return NotFound();
        var file = await db.Set<ContactAttachment>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ContactId == id, ct);
        if (file is null) return NotFound();
        eventLog.Record(User, WelcomeActivities.AttachmentViewed, [new EventLogObject("contact-attachment", file.Id.ToString(), Role.Subject), .. ContactRegister.Objects(contact, eventLog).Select(o => o.Qualifier == Role.Subject ? new EventLogObject("contact", o.ObjectId, Role.Contact) : o)],
            new Dictionary<string, object?> { ["fileName"] = file.FileName });
        await db.SaveChangesAsync(ct);
        var mediaType = FileTypes.Sniff(file.Content)?.MediaType ?? "application/octet-stream";
        return File(file.Content, mediaType, file.FileName);
    }
}
