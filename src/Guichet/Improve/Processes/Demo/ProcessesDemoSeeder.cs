using Guichet.Deliver;
using Guichet.Orient.Catalogue.Demo;

namespace Guichet.Improve.Processes.Demo;

/// The declared processes of the demo's four case-handling services, so that the inventory, the
/// BPMN export and the conformance of the demo's process history have something to show.
internal sealed class ProcessesDemoSeeder(GuichetDb db, EventLog eventLog, TimeProvider time) : IDemoSeeder
{
    private static Guid Unit(string path) => CatalogueDemoSeeder.StableId("unit:hautrival/" + path);
    private static Guid Service(string slug) => CatalogueDemoSeeder.StableId("service:" + slug);

    private static ProcessStep Step(Activity activity, int normDays, bool optional = false, Guid? unit = null) => new(activity.Code, unit, normDays, optional);

    public async Task SeedAsync(CancellationToken ct)
    {
        if (await db.Set<DeclaredProcess>().AnyAsync(ct)) return;
        var organisation = CatalogueDemoSeeder.StableId("org:hautrival");
        foreach (var (service, owner, caseType, steps) in new (string, string, string, ProcessStep[])[]
        {
            ("hautrival-building-permit", "hautrival-urban-planning", "building-permit",
            [
                Step(DeliverActivities.CaseOpened, 0), Step(DeliverActivities.CaseAssigned, 2), Step(DeliverActivities.CaseCompleted, 20),
                Step(DeliverActivities.AdviceRequested, 2, optional: true), Step(DeliverActivities.AdviceGiven, 30, optional: true, unit: Unit("hautrival-mobility")),
                Step(DeliverActivities.DecisionIssued, 20), Step(DeliverActivities.DecisionNotified, 2),
            ]),
            ("hautrival-residents-parking-card", "hautrival-mobility", "residents-parking-card",
                [Step(DeliverActivities.CaseOpened, 0), Step(DeliverActivities.CaseCompleted, 3), Step(DeliverActivities.DecisionIssued, 5), Step(DeliverActivities.DecisionNotified, 1)]),
            ("hautrival-integration-income", "hautrival-cpas-social-service", "integration-income",
                [Step(DeliverActivities.CaseOpened, 0), Step(DeliverActivities.CaseAssigned, 1), Step(DeliverActivities.CaseCompleted, 10), Step(DeliverActivities.DecisionIssued, 10), Step(DeliverActivities.DecisionNotified, 3)]),
            ("hautrival-municipal-tax-objection", "hautrival-finance", "municipal-tax-objection",
                [Step(DeliverActivities.CaseOpened, 0), Step(DeliverActivities.CaseAssigned, 5), Step(DeliverActivities.DecisionIssued, 90), Step(DeliverActivities.DecisionNotified, 5)]),
        })
        {
            var content = new ProcessContent { OwnerUnitId = Unit(owner), CaseType = caseType, Steps = steps };
            var process = new DeclaredProcess(Service(service), organisation, 1, content, "system:demo", time.GetUtcNow());
            db.Add(process);
            eventLog.Record("system:demo", ImproveActivities.ProcessDeclared,
                [new("declared-process", process.Id.ToString(), Role.Subject), new("service", process.ServiceId.ToString(), Role.Service), new("unit", content.OwnerUnitId.ToString(), Role.Unit)],
                new Dictionary<string, object?> { ["version"] = 1, ["steps"] = steps.Length, ["caseType"] = caseType });
        }
        await db.SaveChangesAsync(ct);
    }
}
