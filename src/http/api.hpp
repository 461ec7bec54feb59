#pragma once

#include <string>

#include "app/auth_service.hpp"
#include "app/document_service.hpp"
#include "app/grading_service.hpp"
#include "app/meeting_service.hpp"
#include "app/member_service.hpp"
#include "app/organization_service.hpp"
#include "app/score_service.hpp"
#include "app/statistics_service.hpp"
#include "app/topic_service.hpp"
#include "app/user_service.hpp"
#include "app/visit_service.hpp"
#include "base/clock.hpp"
#include "http/router.hpp"
#include "http/static_assets.hpp"

namespace chibo::http {

struct Services {
    app::AuthService& auth;
    app::OrganizationService& organizations;
    app::MemberService& members;
    app::UserService& users;
    app::DocumentService& documents;
    app::MeetingService& meetings;
    app::ScoreService& scores;
    app::GradingService& grading;
    app::StatisticsService& statistics;
    app::TopicService& topics;
    app::VisitService& visits;
};

// The whole HTTP surface: the JSON API under /api/v1, /healthz, and the web UI's static assets.
// Handlers parse, call one use case, and render; authentication and CSRF are checked here, once.
class Api {
public:
    static constexpr const char* kSessionCookie = "chibo_session";

    // `clock` tells the handlers what "today" is (the default year, month and term start).
    Api(Services services, const base::Clock& clock, const StaticAssets* assets);

    Response Handle(Request& request) const;
    const Router& router() const { return router_; }
    // The largest request body accepted for a request line (the route's own limit, else 2 MiB): the
    // server asks before reading a body.
    static constexpr std::size_t kBodyLimit = std::size_t{2} * 1024 * 1024;
    static constexpr std::size_t kGzipFrom = std::size_t{16} * 1024;  // Smaller JSON goes as it is.
    std::size_t BodyLimit(Method method, std::string_view path) const;

private:
    void AddAuthRoutes();
    void AddOrganizationRoutes();
    void AddMemberRoutes();
    void AddUserRoutes();
    void AddDocumentRoutes();
    void AddMeetingRoutes();
    void AddMeetingRecordRoutes();
    void AddScoreRoutes();
    void AddGradingRoutes();
    void AddDashboardRoutes();
    void AddTopicRoutes();
    void AddVisitRoutes();
    Response Dispatch(Request& request) const;

    Services services_;
    const base::Clock& clock_;
    const StaticAssets* assets_;
    Router router_;
};

// The OpenAPI document (docs/api/openapi.json), compiled into the binary.
const std::string& OpenApiDocument();

}  // namespace chibo::http
