package org.offbook.model;

@Doc("A role one entity plays for another, e.g. construction manager of a vehicle's project.")
public record Role(
        @Required @Ref @Key @Doc("Who plays the role.") String entity,
        @Required @Ref @Key @Doc("For whom (usually a vehicle).") String target,
        @Required @Key @OneOf({"construction-manager", "property-manager", "operator", "developer", "sponsor", "servicer", "asset-manager", "other"})
        @Doc("The role.") String role,
        String source,
        Provenance provenance) implements Fact {
}
