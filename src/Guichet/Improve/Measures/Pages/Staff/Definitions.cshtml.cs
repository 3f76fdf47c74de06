using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Guichet.Improve.Measures.Pages.Staff;

/// How every KPI is computed: what it counts, which day places an object in a period, how the
/// number is made, the dimensions it can be filtered on and whether lower or higher is better.
internal sealed class DefinitionsModel : PageModel
{
    public IReadOnlyList<Kpi> Kpis => Kpi.All;
}
