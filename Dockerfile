# Build with the Maven wrapper, run on a JRE as an unprivileged user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
RUN ./mvnw -B -ntp -q -DskipTests package && cp target/counterspace-*.jar /counterspace.jar

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 counterspace
WORKDIR /app
# Start-up (README, "Start-up and memory"): the jar extracted, so classes load from plain jars, and a
# class data sharing archive from a training run that starts the app once on a throwaway H2 database,
# waits until it is ready, asks for a few pages and stops it (tools/train-archive.sh). The archive only
# fits this JRE and these jars, so it is made here. The search index lives in /app/data (./data), the
# one folder the app's user may write.
COPY --from=build /counterspace.jar /tmp/counterspace.jar
COPY jvm.options /app/jvm.options
COPY tools/train-archive.sh /tmp/train-archive.sh
RUN java -Djarmode=tools -jar /tmp/counterspace.jar extract --destination /app/jar \
 && /tmp/train-archive.sh /app/jar/counterspace.jar -XX:ArchiveClassesAtExit=/app/counterspace.jsa @/app/jvm.options \
 && rm -rf /tmp/counterspace.jar /tmp/train-archive.sh \
 && mkdir /app/data && chown counterspace /app/data
USER counterspace
EXPOSE 8080
# The heap may grow to half the container's memory (compose gives it 768 MB); it starts small and
# shrinks back (jvm.options), which also caps the rest. Blocks of 1 MB or more from malloc (the Argon2
# library's 19 MiB per password hash) are mapped and given back when freed, instead of staying in
# glibc's arenas after a burst of sign-ins, and two arenas serve all threads.
ENV SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50" \
    MALLOC_MMAP_THRESHOLD_=1048576 \
    MALLOC_ARENA_MAX=2
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health/readiness HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/counterspace.jsa", "-jar", "/app/jar/counterspace.jar"]
