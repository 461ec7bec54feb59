// Routes for thematic topics: orientations a committee publishes (/api/v1/organizations/{id}/topic-orientations),
// a cell's thematic plan and the proposals waiting for a superior (/api/v1/organizations/{id}/topics…), and one
// topic's drafts, approval, sending and comments (/api/v1/topics/…).
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/topic.hpp"

namespace chibo::http {

using base::Result;
using namespace chibo::domain;

void Api::AddTopicRoutes() {
    auto& topics = services_.topics;

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/topic-orientations", Access::kSignedIn,
                [this, &topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto list, topics.Orientations(req.auth->actor, id, year));
                    return Json(ToJson(list));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/topic-orientations", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseOrientation(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, topics.Publish(req.auth->actor, id, in));
                    return Json(ToJson(view), 201);
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/topics", Access::kSignedIn,
                [this, &topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto plan, topics.Plan(req.auth->actor, id, year));
                    return Json(ToJson(plan));
                });

    router_.Add(Method::kPost, "/api/v1/organizations/{id}/topics", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseTopicInput(req.body));
                    CHIBO_TRY_ASSIGN(const auto detail, topics.Create(req.auth->actor, id, in));
                    return Json(ToJson(detail), 201);
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/topic-proposals", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const auto items, topics.Proposals(req.auth->actor, id));
                    return Json(Items(items, [](const app::TopicView& v) { return ToJson(v); }));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/topic-coverage", Access::kSignedIn,
                [this, &topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    const base::Date today = clock_.Today();
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", today.year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const int quarter, QueryInt(req, "quarter", (today.month() - 1) / 3 + 1, 1, 4));
                    CHIBO_TRY_ASSIGN(const auto coverage, topics.Coverage(req.auth->actor, id, year, quarter));
                    return Json(ToJson(coverage));
                });

    router_.Add(Method::kGet, "/api/v1/topics/{id}", Access::kSignedIn, [&topics](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
        CHIBO_TRY_ASSIGN(const auto detail, topics.Get(req.auth->actor, id));
        return Json(ToJson(detail));
    });

    router_.Add(Method::kPut, "/api/v1/topics/{id}", Access::kSignedIn, [&topics](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
        CHIBO_TRY_ASSIGN(const auto in, ParseTopicInput(req.body));
        CHIBO_TRY_ASSIGN(const auto detail, topics.Update(req.auth->actor, id, in));
        return Json(ToJson(detail));
    });

    // The steps that take no input but the topic: accept, submit, approve, send.
    using Step = Result<app::TopicDetail> (app::TopicService::*)(const Actor&, TopicId);
    struct StepRoute {
        const char* path;
        Step step;
    };
    for (const StepRoute& route : {StepRoute{"/api/v1/topics/{id}/accept", &app::TopicService::Accept},
                                   StepRoute{"/api/v1/topics/{id}/submit", &app::TopicService::Submit},
                                   StepRoute{"/api/v1/topics/{id}/approve", &app::TopicService::Approve},
                                   StepRoute{"/api/v1/topics/{id}/send", &app::TopicService::Send}}) {
        router_.Add(Method::kPost, route.path, Access::kSignedIn,
                    [&topics, step = route.step](Request& req) -> Result<Response> {
                        CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                        CHIBO_TRY_ASSIGN(const auto detail, (topics.*step)(req.auth->actor, id));
                        return Json(ToJson(detail));
                    });
    }

    // Files are the request's body, named by ?file_name= (as a meeting's documents), up to the upload limit and
    // 1 MiB more so that a file just over it gets the Vietnamese 400 rather than the server's 413.
    constexpr std::size_t kBodyLimit = app::kMaxUploadBytes + std::size_t{1024} * 1024;
    router_.Add(
        Method::kPost, "/api/v1/topic-orientations/{id}/files", Access::kSignedIn,
        [&topics](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto id, PathId<TopicOrientationId>(req));
            CHIBO_TRY_ASSIGN(const auto file,
                             topics.AttachToOrientation(req.auth->actor, id, req.Query("file_name").value_or(""),
                                                        req.Header("content-type"), req.body));
            return Json(ToJson(file), 201);
        },
        kBodyLimit);
    router_.Add(Method::kGet, "/api/v1/topic-orientations/{id}/files/{file_id}", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicOrientationId>(req));
                    CHIBO_TRY_ASSIGN(const auto file_id, PathId<TopicFileId>(req, "file_id"));
                    CHIBO_TRY_ASSIGN(auto file, topics.OrientationFile(req.auth->actor, id, file_id));
                    return File(std::move(file.content), file.file.content_type, file.file.file_name);
                });
    router_.Add(
        Method::kPost, "/api/v1/topics/{id}/draft-files", Access::kSignedIn,
        [&topics](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
            CHIBO_TRY_ASSIGN(const auto draft,
                             topics.UploadDraft(req.auth->actor, id, req.Query("file_name").value_or(""),
                                                req.Header("content-type"), req.body));
            return Json(ToJson(draft), 201);
        },
        kBodyLimit);
    router_.Add(Method::kGet, "/api/v1/topics/{id}/files/{file_id}", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const auto file_id, PathId<TopicFileId>(req, "file_id"));
                    CHIBO_TRY_ASSIGN(auto file, topics.TopicFileContent(req.auth->actor, id, file_id));
                    return File(std::move(file.content), file.file.content_type, file.file.file_name);
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/topic-review", Access::kSignedIn,
                [this, &topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto review, topics.Review(req.auth->actor, id, year));
                    return Json(ToJson(review));
                });

    router_.Add(Method::kPut, "/api/v1/topics/{id}/assessment", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const auto input, ParseAssessment(req.body));
                    CHIBO_TRY_ASSIGN(const auto detail, topics.Assess(req.auth->actor, id, input.first, input.second));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kPost, "/api/v1/topics/{id}/decline", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const auto reason, ParseText(req.body, "reason", 500));
                    CHIBO_TRY_ASSIGN(const auto detail, topics.Decline(req.auth->actor, id, reason));
                    return Json(ToJson(detail));
                });

    router_.Add(Method::kPost, "/api/v1/topics/{id}/drafts", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const auto text, ParseText(req.body, "text", kMaxDraftChars));
                    CHIBO_TRY_ASSIGN(const auto draft, topics.SaveDraft(req.auth->actor, id, text));
                    return Json(ToJson(draft), 201);
                });

    router_.Add(Method::kGet, "/api/v1/topics/{id}/drafts/{number}", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const auto number, PathNumber(req, "number"));
                    if (number > 1'000'000) return app::NotFound("bản dự thảo");
                    CHIBO_TRY_ASSIGN(const auto draft, topics.Draft(req.auth->actor, id, static_cast<int>(number)));
                    return Json(ToJson(draft));
                });

    router_.Add(Method::kGet, "/api/v1/topics/{id}/diff", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const int from, QueryInt(req, "from", 0, 1, 1'000'000));
                    CHIBO_TRY_ASSIGN(const int to, QueryInt(req, "to", 0, 1, 1'000'000));
                    if (from == 0) return FieldError("from", "Vui lòng chọn bản dự thảo để so sánh.");
                    if (to == 0) return FieldError("to", "Vui lòng chọn bản dự thảo để so sánh.");
                    CHIBO_TRY_ASSIGN(const auto diff, topics.Diff(req.auth->actor, id, from, to));
                    return Json(ToJson(diff));
                });

    router_.Add(Method::kPost, "/api/v1/topics/{id}/comments", Access::kSignedIn,
                [&topics](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<TopicId>(req));
                    CHIBO_TRY_ASSIGN(const auto text, ParseText(req.body, "text", kMaxCommentChars));
                    CHIBO_TRY_ASSIGN(const auto comment, topics.Comment(req.auth->actor, id, text));
                    return Json(ToJson(comment), 201);
                });
}

}  // namespace chibo::http
