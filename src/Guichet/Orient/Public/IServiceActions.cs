namespace Guichet.Orient.Public;

/// Something a customer can do about a service, offered by a later stage: book an appointment,
/// write to the organisation. Href is a path of the platform; LabelKey a text key (any module's).
internal sealed record ServiceAction(string Href, string LabelKey);

/// What the service page asks later stages (Welcome's appointments and contact form) without
/// knowing them, like IWaitingTimes: the actions each offers for a published service of this
/// organisation (a referral to another body gets none: the page sends the customer there).
internal interface IServiceActions
{
    Task<IReadOnlyList<ServiceAction>> ForServiceAsync(Guid serviceId, CancellationToken ct);
}
