namespace Guichet.Platform.Data;

/// A capability's part of the demo data (its Demo/ folder), registered by its module; the demo
/// loader (Guichet.Demo) runs every one inside the demo transaction. The stages know this
/// interface, never the loader.
internal interface IDemoSeeder
{
    Task SeedAsync(CancellationToken ct);
}
