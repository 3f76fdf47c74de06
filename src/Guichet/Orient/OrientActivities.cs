namespace Guichet.Orient;

/// The journal's activities of Orient: the catalogue's organisations, units, channels and services.
internal static class OrientActivities
{
    public static readonly Activity OrganisationCreated = Activity.Administration("orient.organisation.created", "An organisation was added to the catalogue.", ["organisation:subject"], "slug");
    public static readonly Activity OrganisationEdited = Activity.Administration("orient.organisation.edited", "An organisation's description was changed.", ["organisation:subject"], "slug");
    public static readonly Activity UnitCreated = Activity.Administration("orient.unit.created", "A unit was added to an organisation.", ["unit:subject", "organisation:owner"], "slug");
    public static readonly Activity UnitEdited = Activity.Administration("orient.unit.edited", "A unit's description was changed.", ["unit:subject", "organisation:owner"], "slug");
    public static readonly Activity UnitMoved = Activity.Administration("orient.unit.moved", "A unit was placed under another parent unit.", ["unit:subject", "unit:previous-unit", "unit:new-parent"], "formerParentId", "newParentId");
    public static readonly Activity ChannelCreated = Activity.Administration("orient.channel.created", "A channel (counter, phone, e-mail, web) was added.", ["channel:subject", "organisation:owner"], "slug");
    public static readonly Activity ChannelEdited = Activity.Administration("orient.channel.edited", "A channel's description was changed.", ["channel:subject", "organisation:owner"], "slug");
    public static readonly Activity OpeningHoursChanged = Activity.Administration("orient.channel.opening-hours-changed", "A channel's opening hours changed.", ["channel:subject"], "slug");
    public static readonly Activity ServiceCreated = Activity.Administration("orient.service.created", "A public service was added (as a draft).", ["service:subject", "organisation:owner"], "slug");
    public static readonly Activity ServiceEdited = Activity.Administration("orient.service.edited", "A public service's description was changed.", ["service:subject", "organisation:owner"], "slug", "status");
    public static readonly Activity ServicePublished = Activity.Administration("orient.service.published", "A public service was published.", ["service:subject", "organisation:owner"], "slug");
    public static readonly Activity ServiceUnpublished = Activity.Administration("orient.service.unpublished", "A public service was withdrawn from publication.", ["service:subject", "organisation:owner"], "slug");
    public static readonly Activity CatalogueImported = Activity.Administration("orient.catalogue.imported", "A CPSV-AP file was imported into the catalogue.",
        ["organisation:created", "organisation:updated", "unit:created", "unit:updated", "channel:created", "channel:updated", "service:created", "service:updated"], "format", "organisations", "units", "channels", "services");
}
