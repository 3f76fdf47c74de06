using Guichet.Deliver;
using Guichet.Welcome;

namespace Guichet.Follow.Webhooks;

/// The event types an integrator may subscribe to, each read from one activity of the journal, with
/// the object it names and the API URL where that object is read (with the integrator's own token):
/// thin events, so that no personal data travels in a webhook and access stays with the API's rules.
internal sealed record WebhookEventType(string Code, string Activity, string ObjectType, Func<string, string> ApiPath)
{
    /// The CloudEvents type: reverse-DNS, as the specification recommends.
    public string CloudEventType => "be.guichet." + Code;
}

internal static class WebhookEvents
{
    public static readonly IReadOnlyList<WebhookEventType> All =
    [
        new("case.opened", DeliverActivities.CaseOpened.Code, "case", id => $"/api/v1/cases/{id}"),
        new("case.status-changed", DeliverActivities.StatusChanged.Code, "case", id => $"/api/v1/cases/{id}"),
        new("decision.issued", DeliverActivities.DecisionIssued.Code, "case", id => $"/api/v1/cases/{id}/decision"),
        new("complaint.registered", FollowActivities.ComplaintRegistered.Code, "complaint", id => $"/api/v1/complaints/{id}"),
        new("appointment.booked", WelcomeActivities.AppointmentBooked.Code, "appointment", _ => "/api/v1/appointments/day"),
    ];

    public static WebhookEventType? ByActivity(string activity) => All.FirstOrDefault(t => t.Activity == activity);

    public static bool IsKnown(string code) => All.Any(t => t.Code == code);
}
