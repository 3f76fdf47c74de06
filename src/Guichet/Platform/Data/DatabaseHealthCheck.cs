using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Guichet.Platform.Data;

internal sealed class DatabaseHealthCheck(GuichetDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
}
