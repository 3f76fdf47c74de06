using Guichet.Platform.Data;
using Guichet.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Guichet.Tests.Platform.Data;

public sealed class MigrationTests(GuichetApp app) : IClassFixture<GuichetApp>
{
    [Fact]
    public void The_migrations_match_the_model_on_the_provider_under_test()
    {
        var pending = app.InScope(db => db.Database.HasPendingModelChanges());
        Assert.False(pending, "The model has changes that no migration covers: run scripts/new-migration.sh <Name>.");
    }

    [Fact]
    public void Both_providers_have_their_own_migrations_and_the_same_tables()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.NotEmpty(sqlite.Database.GetMigrations());
        Assert.NotEmpty(postgres.Database.GetMigrations());
        Assert.False(sqlite.Database.HasPendingModelChanges());
        Assert.False(postgres.Database.HasPendingModelChanges());
        Assert.Equal(
            sqlite.Model.GetEntityTypes().Select(t => t.GetTableName()).Order(),
            postgres.Model.GetEntityTypes().Select(t => t.GetTableName()).Order());
    }
}
