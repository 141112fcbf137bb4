package org.counterspace.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
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

import org.hibernate.search.mapper.pojo.bridge.mapping.annotation.TypeBinderRef;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.TypeBinding;

/**
 * An HSDS service, with what a person needs to decide and make contact, plus our own fields:
 * how to reach it ({@link Channel}), age group, country/region, the time zone its schedules are in,
 * whether it is a national line (with the {@code source} page that publishes it) or demo data.
 * Every searchable field is written by {@link ServiceIndexBinder}.
 */
@Entity
@Table(name = "dir_service")
@Indexed(index = "service")
@TypeBinding(binder = @TypeBinderRef(type = ServiceIndexBinder.class))
class SupportService {

    static final String ACTIVE = "active";

    static final String INACTIVE = "inactive";

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    private String name;

    private String alternateName;

    private String description;

    private String url;

    private String email;

    /** HSDS: active, inactive, defunct, temporarily closed. Retired services are inactive. */
    private String status;

    private String interpretationServices;

    private String applicationProcess;

    private String feesDescription;

    private boolean free;

    private String eligibilityDescription;

    private String accessibility;

    private String serviceArea;

    private Integer minimumAge;

    private Integer maximumAge;

    private String ageGroup;

    private String channels;

    private String country;

    private String region;

    private String timeZone;

    @Column(name = "is_national")
    private boolean national;

    private boolean demo;

    private String source;

    private LocalDate assuredDate;

    private String assurerEmail;

    private Instant lastModified;

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

    SupportService(UUID id, Organization organization, String name) {
        this.id = id;
        this.organization = organization;
        this.name = name;
        this.status = ACTIVE;
        this.ageGroup = AgeGroup.ALL.code();
        this.channels = "";
        this.country = "GB";
        this.timeZone = "Europe/London";
        this.lastModified = Instant.now();
    }

    UUID getId() {
        return id;
    }

    Organization getOrganization() {
        return organization;
    }

    void setOrganization(Organization organization) {
        this.organization = organization;
    }

    String getName() {
        return name;
    }

    void setName(String name) {
        this.name = name;
    }

    String getAlternateName() {
        return alternateName;
    }

    void setAlternateName(String alternateName) {
        this.alternateName = alternateName;
    }

    String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    String getUrl() {
        return url;
    }

    void setUrl(String url) {
        this.url = url;
    }

    String getEmail() {
        return email;
    }

    void setEmail(String email) {
        this.email = email;
    }

    String getStatus() {
        return status;
    }

    void setStatus(String status) {
        this.status = status;
    }

    boolean isActive() {
        return ACTIVE.equals(status);
    }

    String getInterpretationServices() {
        return interpretationServices;
    }

    void setInterpretationServices(String interpretationServices) {
        this.interpretationServices = interpretationServices;
    }

    String getApplicationProcess() {
        return applicationProcess;
    }

    void setApplicationProcess(String applicationProcess) {
        this.applicationProcess = applicationProcess;
    }

    String getFeesDescription() {
        return feesDescription;
    }

    void setFeesDescription(String feesDescription) {
        this.feesDescription = feesDescription;
    }

    boolean isFree() {
        return free;
    }

    void setFree(boolean free) {
        this.free = free;
    }

    String getEligibilityDescription() {
        return eligibilityDescription;
    }

    void setEligibilityDescription(String eligibilityDescription) {
        this.eligibilityDescription = eligibilityDescription;
    }

    String getAccessibility() {
        return accessibility;
    }

    void setAccessibility(String accessibility) {
        this.accessibility = accessibility;
    }

    String getServiceArea() {
        return serviceArea;
    }

    void setServiceArea(String serviceArea) {
        this.serviceArea = serviceArea;
    }

    Integer getMinimumAge() {
        return minimumAge;
    }

    Integer getMaximumAge() {
        return maximumAge;
    }

    void setAges(Integer minimumAge, Integer maximumAge) {
        this.minimumAge = minimumAge;
        this.maximumAge = maximumAge;
    }

    AgeGroup getAgeGroup() {
        return AgeGroup.fromCode(ageGroup).orElse(AgeGroup.ALL);
    }

    void setAgeGroup(AgeGroup ageGroup) {
        this.ageGroup = ageGroup.code();
    }

    List<Channel> getChannels() {
        return Arrays.stream(channels.split(",")).map(Channel::fromCode).flatMap(java.util.Optional::stream).toList();
    }

    void setChannels(Set<Channel> channelSet) {
        this.channels = String.join(",", channelSet.stream().sorted().map(Channel::code).toList());
    }

    String getCountry() {
        return country;
    }

    void setCountry(String country) {
        this.country = country;
    }

    String getRegion() {
        return region;
    }

    void setRegion(String region) {
        this.region = region;
    }

    ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }

    void setTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    boolean isNational() {
        return national;
    }

    void setNational(boolean national) {
        this.national = national;
    }

    boolean isDemo() {
        return demo;
    }

    void setDemo(boolean demo) {
        this.demo = demo;
    }

    String getSource() {
        return source;
    }

    void setSource(String source) {
        this.source = source;
    }

    LocalDate getAssuredDate() {
        return assuredDate;
    }

    String getAssurerEmail() {
        return assurerEmail;
    }

    void assure(LocalDate date, String byWhom) {
        this.assuredDate = date;
        this.assurerEmail = byWhom;
    }

    Instant getLastModified() {
        return lastModified;
    }

    void touch() {
        this.lastModified = Instant.now();
    }

    List<Phone> getPhones() {
        return phones;
    }

    Phone addPhone(UUID phoneId, String number, String type, String phoneDescription) {
        Phone phone = new Phone(phoneId, this, number, type, phoneDescription, phones.size());
        phones.add(phone);
        return phone;
    }

    List<Schedule> getSchedules() {
        return schedules;
    }

    Schedule addSchedule(UUID scheduleId, String byday, LocalTime opensAt, LocalTime closesAt) {
        Schedule schedule = new Schedule(scheduleId, this, byday, opensAt, closesAt);
        schedules.add(schedule);
        return schedule;
    }

    List<Language> getLanguages() {
        return languages;
    }

    Language addLanguage(UUID languageId, String languageName, String code) {
        Language language = new Language(languageId, this, languageName, code);
        languages.add(language);
        return language;
    }

    List<ServiceAtLocation> getServiceAtLocations() {
        return serviceAtLocations;
    }

    ServiceAtLocation addLocation(UUID salId, Location location) {
        ServiceAtLocation sal = new ServiceAtLocation(salId, this, location);
        serviceAtLocations.add(sal);
        return sal;
    }

    Set<TaxonomyTerm> getTerms() {
        return terms;
    }

    /** The towns of the service's addresses, each once, in the order of its locations. */
    List<String> towns() {
        return serviceAtLocations.stream()
            .flatMap(sal -> sal.getLocation().getAddresses().stream())
            .map(Address::getCity)
            .filter(city -> city != null && !city.isBlank())
            .distinct()
            .toList();
    }

    /** The first phone a person can call (voice), if any. */
    java.util.Optional<Phone> mainPhone() {
        return phones.stream().filter(phone -> !phone.isText()).findFirst();
    }

    /** Weekly openings, in the service's own time zone. */
    WeeklyHours hours() {
        return WeeklyHours.of(schedules);
    }
}
