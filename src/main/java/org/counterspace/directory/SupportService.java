package org.counterspace.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import org.counterspace.directory.search.ServiceIndexBinder;
import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * An HSDS service, with what a person needs to decide and make contact, plus our own fields: how to
 * reach it ({@link Channel}), and the groups of {@link ServiceDetails} (who it is for, fees, where it
 * works and in which time zone its hours are, whether it is a national line or demo data). It is
 * filled only through {@link ServiceWriter}; its lifecycle (retired, listed again, checked) has its own
 * methods. Every searchable field is written by {@link ServiceIndexBinder}.
 */
@Entity
@Table(name = "dir_service")
@Indexed(index = "service")
@TypeBinding(binder = @TypeBinderRef(type = ServiceIndexBinder.class))
public class SupportService {

    public static final String ACTIVE = "active";

    public static final String INACTIVE = "inactive";

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String name;

    /** HSDS: active, inactive, defunct, temporarily closed. Retired services are inactive. */
    private String status;

    @Embedded
    private About about;

    @Embedded
    private Access access;

    @Embedded
    private Fees fees;

    @Embedded
    private Coverage coverage;

    @Embedded
    private Provenance provenance;

    /** Null when never checked: Hibernate reads an embedded value whose columns are all empty as null. */
    @Embedded
    private Assurance assurance;

    /** Channel codes, comma-separated. */
    private String channels;

    private Instant lastModified;

    /** The publisher's fields the directory does not model, as a JSON object, kept for export. */
    private String hsdsExtras;

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<Phone> phones = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Schedule> schedules = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("name")
    private List<Language> languages = new ArrayList<>();

    @OneToMany(mappedBy = "service", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<ServiceAtLocation> serviceAtLocations = new ArrayList<>();

    @ManyToMany
    @JoinTable(name = "dir_service_term", joinColumns = @JoinColumn(name = "service_id"),
            inverseJoinColumns = @JoinColumn(name = "taxonomy_term_id"))
    private Set<TaxonomyTerm> terms = new LinkedHashSet<>();

    protected SupportService() {
    }

    /** A new, active service; {@link #describe} says the rest. */
    SupportService(UUID id) {
        this.id = id;
        this.status = ACTIVE;
        this.lastModified = Instant.now();
    }

    /** Takes everything the details say. Its parts must have been forgotten first (see {@link ServiceWriter}). */
    void describe(Organization provider, ServiceDetails details) {
        organization = provider;
        name = details.name();
        about = details.about();
        access = details.access();
        fees = details.fees();
        coverage = details.coverage();
        provenance = details.provenance();
        channels = String.join(",", details.channels().stream().sorted().map(Channel::code).toList());
        details.phones().forEach(phone -> phones.add(new Phone(this, phone, phones.size())));
        details.openings().forEach(opening -> schedules.add(new Schedule(this, opening)));
        details.languages().forEach(language -> languages.add(new Language(this, language)));
        details.places().forEach(this::addLocation);
        terms.addAll(details.terms());
    }

    /** Drops the parts {@link ServiceDetails} lists, before the service is described anew. */
    void forgetParts() {
        phones.clear();
        schedules.clear();
        languages.clear();
        serviceAtLocations.clear();
        terms.clear();
    }

    /** Offered at one more place; the location must be saved already. */
    void addLocation(ServiceDetails.Place place) {
        serviceAtLocations.add(new ServiceAtLocation(this, place));
    }

    /** Takes the status an HSDS record gives. */
    public void changeStatus(String hsdsStatus) {
        this.status = hsdsStatus;
        touch();
    }

    /** Its hours are in this zone, where an earlier version had kept a bare UTC offset (see FixedOffsetRepair). */
    void placeHoursIn(ZoneId zone) {
        coverage = new Coverage(coverage.country(), coverage.region(), zone, coverage.serviceArea());
        touch();
    }

    /** No longer listed: searches leave it out, its page says so. */
    public void retire() {
        changeStatus(INACTIVE);
    }

    public void reactivate() {
        changeStatus(ACTIVE);
    }

    /** Checked on this date, by this person (null when its source was reviewed as a whole). */
    public void assure(LocalDate date, String byWhom) {
        this.assurance = new Assurance(date, byWhom);
    }

    public void touch() {
        this.lastModified = Instant.now();
    }

    public UUID getId() {
        return id;
    }

    public Organization getOrganization() {
        return organization;
    }

    public String getName() {
        return name;
    }

    public String getStatus() {
        return status;
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public About about() {
        return about == null ? About.NOTHING : about;
    }

    public Access access() {
        return access;
    }

    public Fees fees() {
        return fees;
    }

    public Coverage coverage() {
        return coverage;
    }

    public ZoneId getTimeZone() {
        return coverage.timeZone();
    }

    public Provenance provenance() {
        return provenance;
    }

    public Assurance assurance() {
        return assurance == null ? Assurance.NEVER : assurance;
    }

    public List<Channel> getChannels() {
        return Arrays.stream(channels.split(",")).map(Channel::fromCode).flatMap(Optional::stream).toList();
    }

    public String getHsdsExtras() {
        return hsdsExtras;
    }

    /** Kept from an import; a curator's edit leaves them as they are. */
    public void keepHsdsExtras(String hsdsExtras) {
        this.hsdsExtras = hsdsExtras;
    }

    public Instant getLastModified() {
        return lastModified;
    }

    public List<Phone> getPhones() {
        return phones;
    }

    public List<Schedule> getSchedules() {
        return schedules;
    }

    public List<Language> getLanguages() {
        return languages;
    }

    public List<ServiceAtLocation> getServiceAtLocations() {
        return serviceAtLocations;
    }

    public Set<TaxonomyTerm> getTerms() {
        return terms;
    }

    /** The towns of the service's addresses, each once, in the order of its locations. */
    public List<String> towns() {
        return addresses().stream()
            .map(Address::getCity)
            .filter(city -> city != null && !city.isBlank())
            .distinct()
            .toList();
    }

    /** The addresses of all its locations, in their order. */
    public List<Address> addresses() {
        return serviceAtLocations.stream().flatMap(sal -> sal.getLocation().getAddresses().stream()).toList();
    }

    /** The first phone a person can call (voice), if any. */
    public Optional<Phone> mainPhone() {
        return phones.stream().filter(phone -> !phone.isText()).findFirst();
    }

    /** The first number a person can text, if any. */
    public Optional<Phone> textPhone() {
        return phones.stream().filter(Phone::isText).findFirst();
    }

    /** Weekly openings, in the service's own time zone. */
    public WeeklyHours hours() {
        return WeeklyHours.of(schedules);
    }
}
