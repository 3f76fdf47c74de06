namespace Guichet.Improve;

/// The journal's activities of Improve: what quality staff do with the log itself (an export of a
/// selection, an import of another system's log into an analysis space). Each capability adds its
/// own here (inventory versions, proposals and their statuses).
internal static class ImproveActivities
{
    public static readonly Activity LogExported = Activity.Access("improve.log.exported",
        "A member of staff exported a selection of the journal (XES or OCEL 2.0); customers are pseudonyms unless an admin asked for numbers.",
        [], "format", "events", "cases", "pseudonymised");
    public static readonly Activity LogImported = Activity.Administration("improve.log.imported",
        "A log of another system (XES or OCEL 2.0) was imported into an analysis space.",
        ["analysis-space:subject"], "format", "events", "cases");
    public static readonly Activity ProcessDeclared = Activity.Administration("improve.process.declared",
        "A manager or quality officer declared a new version of a service's process (its steps, owner units and norm times).",
        ["declared-process:subject", "service:service", "unit:unit", "declared-process:previous-version"], "version", "steps", "caseType");
    public static readonly Activity AnalysisSpaceDeleted = Activity.Administration("improve.analysis-space.deleted",
        "An analysis space and the events imported into it were deleted.",
        ["analysis-space:subject"], "name", "events");
    public static readonly Activity ProposalMade = Activity.Administration("improve.proposal.made",
        "A manager or quality officer proposed an improvement of a service's process: the problem, the change, the KPI it must move and its target.",
        ["proposal:subject", "service:service", "unit:unit"], "reference", "kpi", "target", "step", "windowDays");
    public static readonly Activity ProposalRevised = Activity.Administration("improve.proposal.revised",
        "An open improvement proposal was revised (its text, owner, step, KPI, target or windows).",
        ["proposal:subject", "service:service", "unit:unit"], "reference", "kpi", "target", "step", "windowDays");
    public static readonly Activity ProposalStatusChanged = Activity.Administration("improve.proposal.status-changed",
        "An improvement proposal moved to another status (accepted, in progress, done on a day — from which its effect is measured —, dropped).",
        ["proposal:subject", "service:service", "unit:unit"], "reference", "from", "to", "doneOn");
}
