// Routes for one meeting's record (/api/v1/meetings/{id}/…), the member's meetings, attendance,
// absence flags and the private calendar feeds.
#include "export/ical.hpp"
#include "export/meeting_documents.hpp"
#include "http/api.hpp"
#include "http/handler.hpp"
#include "http/json/body.hpp"
#include "http/json/common.hpp"
#include "http/json/meeting.hpp"
#include "http/json/meeting_record.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

// "minutes.pdf": which document, in which format.
struct DocumentRequest {
    bool minutes = true;
    std::string format;
};

Result<DocumentRequest> ParseDocumentFile(const std::string& file) {
    const std::size_t dot = file.rfind('.');
    const std::string doc = file.substr(0, dot);
    const std::string format = dot == std::string::npos ? "" : file.substr(dot + 1);
    if ((doc != "minutes" && doc != "resolution") || (format != "docx" && format != "pdf" && format != "html"))
        return FieldError("file", "Văn bản phải là minutes hoặc resolution, dạng docx, pdf hoặc html.");
    return DocumentRequest{doc == "minutes", format};
}

exporting::MeetingDocumentData DocumentData(const app::MeetingView& v) {
    exporting::MeetingDocumentData d{
        v.meeting, v.organization_name, v.superior_name, v.secretary_name, v.attendance, v.opinions, v.tasks,
        v.review,  v.amendments,        v.eligible,      v.scores,         v.topic,      v.session,  ""};
    if (v.superior_attendant)
        d.superior_attendant = "đồng chí " + v.superior_attendant->name +
                               (v.superior_attendant->role.empty() ? "" : ", " + v.superior_attendant->role);
    return d;
}

Response DocumentResponse(const app::MeetingView& view, const DocumentRequest& request) {
    const exporting::MeetingDocumentData data = DocumentData(view);
    const exporting::PartyDocument document =
        request.minutes ? exporting::MinutesDocument(data) : exporting::ResolutionDocument(data);
    const Meeting& m = view.meeting;
    const std::string name = std::string(request.minutes ? "bien-ban" : "nghi-quyet") + "-" + std::to_string(m.year) +
                             "-" + (m.month < 10 ? "0" : "") + std::to_string(m.month);
    if (request.format == "docx")
        return File(exporting::RenderDocx(document),
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document", name + ".docx");
    if (request.format == "pdf") return File(exporting::RenderPdf(document), "application/pdf", name + ".pdf");
    // The printable page opens in the browser rather than downloading.
    Response r;
    r.body = exporting::RenderHtml(document);
    r.content_type = "text/html; charset=utf-8";
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
    r.headers.emplace_back("Cache-Control", "private, no-store");
    return r;
}

}  // namespace

void Api::AddMeetingRecordRoutes() {
    auto& meetings = services_.meetings;

    router_.Add(Method::kPut, "/api/v1/meetings/{id}/preparation", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParsePreparation(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.SavePreparation(req.auth->actor, id, in));
                    return Json(ToJson(view));
                });

    router_.Add(
        Method::kPost, "/api/v1/meetings/{id}/attachments", Access::kSignedIn,
        [&meetings](Request& req) -> Result<Response> {
            CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
            CHIBO_TRY_ASSIGN(const auto attachment,
                             meetings.AddAttachment(req.auth->actor, id, req.Query("file_name").value_or(""),
                                                    req.Header("content-type"), req.body));
            return Json(ToJson(attachment), 201);
        },
        // The file is the body: up to MeetingService's limit and 1 MiB more, so that a file just over the
        // limit gets the Vietnamese 400 rather than the server's 413.
        app::MeetingService::kMaxAttachmentBytes + std::size_t{1024} * 1024);

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/attachments/{attachment_id}", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto attachment, PathId<AttachmentId>(req, "attachment_id"));
                    CHIBO_TRY_ASSIGN(auto file, meetings.GetAttachment(req.auth->actor, id, attachment));
                    return File(std::move(file.content), file.attachment.content_type, file.attachment.file_name);
                });

    router_.Add(Method::kDelete, "/api/v1/meetings/{id}/attachments/{attachment_id}", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto attachment, PathId<AttachmentId>(req, "attachment_id"));
                    CHIBO_TRY(meetings.DeleteAttachment(req.auth->actor, id, attachment));
                    return NoContent();
                });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/notify", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.Notify(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/leave", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto reason, ParseLeave(req.body));
                    CHIBO_TRY_ASSIGN(const auto request, meetings.AskLeave(req.auth->actor, id, reason));
                    return Json(ToJson(request));
                });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/roll", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto roll, meetings.Roll(req.auth->actor, id));
                    return Json(RollToJson(roll));
                });

    router_.Add(Method::kPut, "/api/v1/meetings/{id}/record", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto patch, ParseRecord(req.body));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.SaveRecord(req.auth->actor, id, patch));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/finalise", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.Finalise(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/amendments", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto in, ParseAmendment(req.body));
                    CHIBO_TRY_ASSIGN(const auto amendment, meetings.Amend(req.auth->actor, id, in.text, in.reason));
                    return Json(ToJson(amendment), 201);
                });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/report", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.Report(req.auth->actor, id));
                    return Json(ToJson(view));
                });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/documents/{file}", Access::kSignedIn,
                [&meetings](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MeetingId>(req));
                    CHIBO_TRY_ASSIGN(const auto file, ParseDocumentFile(req.path_params["file"]));
                    CHIBO_TRY_ASSIGN(const auto view, meetings.ForDocuments(req.auth->actor, id));
                    return DocumentResponse(view, file);
                });

    router_.Add(Method::kGet, "/api/v1/me/meetings", Access::kSignedIn, [&meetings](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto views, meetings.MyMeetings(req.auth->actor));
        return Json(Items(views, [](const app::MeetingView& v) { return ToJson(v); }));
    });

    router_.Add(Method::kGet, "/api/v1/members/{id}/attendance", Access::kSignedIn,
                [this](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<MemberId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto history, services_.meetings.Attendance(req.auth->actor, id, year));
                    return Json(ToJson(history));
                });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/absence-flags", Access::kSignedIn,
                [this](Request& req) -> Result<Response> {
                    CHIBO_TRY_ASSIGN(const auto id, PathId<OrganizationId>(req));
                    CHIBO_TRY_ASSIGN(const int year, QueryInt(req, "year", clock_.Today().year(), 2000, 2100));
                    CHIBO_TRY_ASSIGN(const auto flags, services_.meetings.AbsenceFlags(req.auth->actor, id, year));
                    return Json(Items(flags, [](const app::AbsenceFlagView& f) { return ToJson(f); }));
                });

    router_.Add(Method::kGet, "/api/v1/me/calendar", Access::kSignedIn, [&meetings](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto created_at, meetings.CalendarFeedCreatedAt(req.auth->actor));
        return Json(json::object{{"active", created_at.has_value()}, {"created_at", TimestampOrNull(created_at)}});
    });

    router_.Add(Method::kPost, "/api/v1/me/calendar", Access::kSignedIn, [&meetings](Request& req) -> Result<Response> {
        CHIBO_TRY_ASSIGN(const auto token, meetings.NewCalendarFeed(req.auth->actor));
        return Json(json::object{{"url", "/api/v1/calendar/" + token + ".ics"}}, 201);
    });

    router_.Add(Method::kGet, "/api/v1/calendar/{token}", Access::kPublic, [this](Request& req) -> Result<Response> {
        std::string token = req.path_params["token"];
        if (token.size() > 4 && token.ends_with(".ics")) token.resize(token.size() - 4);
        CHIBO_TRY_ASSIGN(const auto feed, services_.meetings.FeedMeetings(token));
        std::vector<exporting::CalendarEvent> events;
        for (const auto& [meeting, cell] : feed.meetings) events.push_back({meeting, cell, "", ""});
        for (const auto& [meeting, visit] : feed.visits)
            events.push_back({meeting, visit.cell_name, "visit-" + std::to_string(visit.visit.id.value),
                              "Dự sinh hoạt chi bộ (cấp ủy phân công) – " + visit.cell_name});
        Response r;
        r.content_type = "text/calendar; charset=utf-8";
        r.body = exporting::CalendarFeed("Sinh hoạt chi bộ – " + feed.owner, events, clock_.NowUnixSeconds());
        r.headers.emplace_back("Cache-Control", "private, max-age=300");
        return r;
    });
}

}  // namespace chibo::http
