using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Welcome.Contacts.Pages.Staff;

/// The printable referral for a signed-in staff member: the same page as the API's
/// /api/v1/contacts/{id}/referral.html, which knows only bearer tokens.
internal sealed class ReferralModel(ContactRegister register) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await register.ReferralHtmlAsync(User, id, ct) is { } html ? Content(html, "text/html; charset=utf-8") : NotFound();
}
