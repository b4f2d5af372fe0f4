# One image recipe for every service: docker build --build-arg SERVICE=organization-service .
# Build the jars first: ./mvnw -DskipTests install
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 concordia
USER concordia
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}.jar app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
