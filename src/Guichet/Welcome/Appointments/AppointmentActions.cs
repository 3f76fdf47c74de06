using Guichet.Orient.Public;

namespace Guichet.Welcome.Appointments;

/// "Book an appointment" on the page of a service that has bookable counter hours.
internal sealed class AppointmentActions(AppointmentSlots slots) : IServiceActions
{
    public async Task<IReadOnlyList<ServiceAction>> ForServiceAsync(Guid serviceId, CancellationToken ct) =>
        await slots.OfferAsync(serviceId, ct) is { Service.External: false }
            ? [new ServiceAction($"/appointments?service={serviceId}", "appointments.action.book")]
            : [];
}
