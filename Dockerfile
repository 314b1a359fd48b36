# Multi-stage build of the bot. Render builds it through render.yaml; migrations run when the host starts.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/KieBot -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# The image's unprivileged account; the app writes nothing outside /tmp when DATABASE_URL is set.
USER $APP_UID
ENV PORT=8080 \
    DOTNET_gcServer=0
EXPOSE 8080
ENTRYPOINT ["dotnet", "KieBot.dll"]
