// Routes for one meeting's record (/api/v1/meetings/{id}/…), the member's meetings, attendance,
// absence flags and the private calendar feeds.
#include "app/meeting_service.hpp"
#include "export/ical.hpp"
#include "export/meeting_documents.hpp"
#include "http/api.hpp"
#include "http/json_io.hpp"
#include "http/json_mapping.hpp"

namespace chibo::http {

namespace json = boost::json;
using base::Result;
using namespace chibo::domain;

namespace {

Result<std::optional<int>> Clock(const JsonBody& body, const char* field) {
    CHIBO_TRY_ASSIGN(const std::string text, body.String(field, false, 5));
    if (text.empty()) return std::optional<int>();
    auto minutes = ParseClock(text);
    if (!minutes) return FieldError(field, "Giờ phải có dạng HH:MM, ví dụ 14:00.");
    return std::optional<int>(minutes);
}

Result<std::optional<MemberId>> OptionalMember(const JsonBody& body, const char* field) {
    CHIBO_TRY_ASSIGN(const auto id, body.OptionalId(field));
    if (!id) return std::optional<MemberId>();
    return std::optional<MemberId>(MemberId(*id));
}

Result<app::PreparationInput> ParsePreparation(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::PreparationInput in;
    CHIBO_TRY_ASSIGN(in.preparer, OptionalMember(body, "preparer_id"));
    CHIBO_TRY_ASSIGN(in.place, body.String("place", false, 300));
    CHIBO_TRY_ASSIGN(in.committee_meeting_on, body.OptionalDate("committee_meeting_on"));
    CHIBO_TRY_ASSIGN(in.committee_meeting_notes, body.String("committee_meeting_notes", false, 5000));
    CHIBO_TRY_ASSIGN(in.agenda, body.StringArray("agenda", 20, 500));
    CHIBO_TRY_ASSIGN(in.superior_official, body.String("superior_official", false, 200));
    return in;
}

Result<app::RecordPatch> ParseRecord(const std::string& text) {
    CHIBO_TRY_ASSIGN(const JsonBody body, JsonBody::Parse(text));
    app::RecordPatch p;
    if (body.Present("started_at")) {
        CHIBO_TRY_ASSIGN(p.started_minutes, Clock(body, "started_at"));
    }
    if (body.Present("ended_at")) {
        CHIBO_TRY_ASSIGN(p.ended_minutes, Clock(body, "ended_at"));
    }
    if (body.Present("chair_id")) {
        CHIBO_TRY_ASSIGN(p.chair, OptionalMember(body, "chair_id"));
    }
    if (body.Present("minute_taker_id")) {
        CHIBO_TRY_ASSIGN(p.minute_taker, OptionalMember(body, "minute_taker_id"));
    }
    if (body.Present("guests")) {
        CHIBO_TRY_ASSIGN(p.guests, body.StringArray("guests", 50, 200));
    }
    if (body.Present("superior_attended")) {
        CHIBO_TRY_ASSIGN(p.superior_attended, body.Bool("superior_attended", false));
    }
    if (body.Present("conclusion")) {
        CHIBO_TRY_ASSIGN(p.conclusion, body.String("conclusion", false, 20000));
    }
    if (body.Present("resolution")) {
        CHIBO_TRY_ASSIGN(p.resolution, body.String("resolution", false, 20000));
    }
    if (body.Present("vote_scope")) {
        CHIBO_TRY_ASSIGN(const std::string code, body.String("vote_scope", true, 30));
        p.vote_scope = VoteScopeFromCode(code);
        if (!p.vote_scope) return FieldError("vote_scope", "Phạm vi biểu quyết không hợp lệ.");
    }
    if (body.Present("vote")) {
        CHIBO_TRY_ASSIGN(const auto vote, body.Object("vote"));
        if (!vote) {
            p.vote = std::optional<Vote>();
        } else {
            Vote v;
            CHIBO_TRY_ASSIGN(const auto in_favour, vote->OptionalInt("in_favour", 0, 100000));
            CHIBO_TRY_ASSIGN(const auto against, vote->OptionalInt("against", 0, 100000));
            CHIBO_TRY_ASSIGN(const auto abstaining, vote->OptionalInt("abstaining", 0, 100000));
            v.in_favour = in_favour.value_or(0);
            v.against = against.value_or(0);
            v.abstaining = abstaining.value_or(0);
            p.vote = std::optional<Vote>(v);
        }
    }
    if (body.Present("attendance")) {
        CHIBO_TRY_ASSIGN(const auto items, body.Objects("attendance", 2000));
        std::vector<app::AttendanceInput> attendance;
        for (const JsonBody& item : items) {
            app::AttendanceInput a;
            CHIBO_TRY_ASSIGN(const auto member, item.Id("member_id"));
            a.member = MemberId(member);
            CHIBO_TRY_ASSIGN(const std::string presence, item.String("presence", true, 20));
            const auto code = PresenceFromCode(presence);
            if (!code) return FieldError("attendance", "Trạng thái điểm danh không hợp lệ.");
            a.presence = *code;
            CHIBO_TRY_ASSIGN(a.reason, item.String("reason", false, 300));
            attendance.push_back(std::move(a));
        }
        p.attendance = std::move(attendance);
    }
    if (body.Present("opinions")) {
        CHIBO_TRY_ASSIGN(const auto items, body.Objects("opinions", 200));
        std::vector<Opinion> opinions;
        for (const JsonBody& item : items) {
            Opinion o;
            CHIBO_TRY_ASSIGN(o.speaker, OptionalMember(item, "speaker_id"));
            CHIBO_TRY_ASSIGN(o.speaker_name, item.String("speaker_name", false, 200));
            CHIBO_TRY_ASSIGN(o.summary, item.String("summary", false, 20000));
            opinions.push_back(std::move(o));
        }
        p.opinions = std::move(opinions);
    }
    if (body.Present("tasks")) {
        CHIBO_TRY_ASSIGN(const auto items, body.Objects("tasks", 100));
        std::vector<app::TaskInput> tasks;
        for (const JsonBody& item : items) {
            app::TaskInput t;
            CHIBO_TRY_ASSIGN(t.assignee, OptionalMember(item, "assignee_id"));
            CHIBO_TRY_ASSIGN(t.description, item.String("description", true, 2000));
            CHIBO_TRY_ASSIGN(t.deadline, item.Date("deadline"));
            tasks.push_back(std::move(t));
        }
        p.tasks = std::move(tasks);
    }
    if (body.Present("review")) {
        CHIBO_TRY_ASSIGN(const auto items, body.Objects("review", 200));
        std::vector<app::TaskReviewInput> review;
        for (const JsonBody& item : items) {
            app::TaskReviewInput r;
            CHIBO_TRY_ASSIGN(const auto task, item.Id("task_id"));
            r.task = TaskId(task);
            CHIBO_TRY_ASSIGN(const std::string outcome, item.String("outcome", true, 20));
            const auto code = TaskOutcomeFromCode(outcome);
            if (!code) return FieldError("review", "Kết quả thực hiện nhiệm vụ không hợp lệ.");
            r.outcome = *code;
            CHIBO_TRY_ASSIGN(r.result, item.String("result", false, 5000));
            review.push_back(std::move(r));
        }
        p.review = std::move(review);
    }
    return p;
}

json::object AttendanceItem(const Meeting& m, const AttendanceRecord& a) {
    return {{"meeting_id", m.id.value}, {"date", m.date.ToIso()},
            {"kind", ToCode(m.kind)},   {"presence", ToCode(a.presence)},
            {"reason", a.reason},       {"status_at_meeting", ToCode(a.status_at_meeting)}};
}

}  // namespace

void Api::AddMeetingRecordRoutes() {
    auto& meetings = services_.meetings;
    auto view = [](const app::MeetingView& v) { return ToJson(v); };

    router_.Add(Method::kPut, "/api/v1/meetings/{id}/preparation", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto input = ParsePreparation(req.body);
        if (!input) return ErrorResponse(input.error());
        return Render(meetings.SavePreparation(req.auth->actor, MeetingId(*id), *input), view);
    });

    router_.Add(
        Method::kPost, "/api/v1/meetings/{id}/attachments", Access::kSignedIn,
        [&meetings](Request& req) {
            auto id = PathId(req, "id");
            if (!id) return ErrorResponse(id.error());
            const std::string content_type = req.Header("content-type");
            return Render(
                meetings.AddAttachment(req.auth->actor, MeetingId(*id), req.Query("file_name").value_or(""),
                                       content_type, req.body),
                [](const Attachment& a) { return ToJson(a); }, 201);
        },
        // The file is the body: up to MeetingService's limit and 1 MiB more, so that a file just over the
        // limit gets the Vietnamese 400 rather than the server's 413.
        app::MeetingService::kMaxAttachmentBytes + std::size_t{1024} * 1024);

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/attachments/{attachment_id}", Access::kSignedIn,
                [&meetings](Request& req) {
                    auto id = PathId(req, "id");
                    if (!id) return ErrorResponse(id.error());
                    auto attachment = PathId(req, "attachment_id");
                    if (!attachment) return ErrorResponse(attachment.error());
                    auto file = meetings.GetAttachment(req.auth->actor, MeetingId(*id), *attachment);
                    if (!file) return ErrorResponse(file.error());
                    Response r;
                    r.content_type = file->attachment.content_type;
                    r.body = std::move(file->content);
                    r.headers.emplace_back("Content-Disposition", Disposition(file->attachment.file_name));
                    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
                    r.headers.emplace_back("Cache-Control", "private, no-store");
                    return r;
                });

    router_.Add(Method::kDelete, "/api/v1/meetings/{id}/attachments/{attachment_id}", Access::kSignedIn,
                [&meetings](Request& req) {
                    auto id = PathId(req, "id");
                    if (!id) return ErrorResponse(id.error());
                    auto attachment = PathId(req, "attachment_id");
                    if (!attachment) return ErrorResponse(attachment.error());
                    auto done = meetings.DeleteAttachment(req.auth->actor, MeetingId(*id), *attachment);
                    if (!done) return ErrorResponse(done.error());
                    Response r;
                    r.status = 204;
                    return r;
                });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/notify", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(meetings.Notify(req.auth->actor, MeetingId(*id)), view);
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/leave", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto reason = body->String("reason", true, 300);
        if (!reason) return ErrorResponse(reason.error());
        return Render(meetings.AskLeave(req.auth->actor, MeetingId(*id), *reason),
                      [](const LeaveRequest& r) { return ToJson(r); });
    });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/roll", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(meetings.Roll(req.auth->actor, MeetingId(*id)), [](const auto& records) {
            json::array items;
            for (const AttendanceRecord& a : records) items.push_back(ToJson(a));
            return json::object{{"items", std::move(items)}, {"counts", ToJson(CountAttendance(records))}};
        });
    });

    router_.Add(Method::kPut, "/api/v1/meetings/{id}/record", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto patch = ParseRecord(req.body);
        if (!patch) return ErrorResponse(patch.error());
        return Render(meetings.SaveRecord(req.auth->actor, MeetingId(*id), *patch), view);
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/finalise", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(meetings.Finalise(req.auth->actor, MeetingId(*id)), view);
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/amendments", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto body = JsonBody::Parse(req.body);
        if (!body) return ErrorResponse(body.error());
        auto text = body->String("text", true, 20000);
        if (!text) return ErrorResponse(text.error());
        auto reason = body->String("reason", true, 300);
        if (!reason) return ErrorResponse(reason.error());
        return Render(
            meetings.Amend(req.auth->actor, MeetingId(*id), *text, *reason),
            [](const Amendment& a) { return ToJson(a); }, 201);
    });

    router_.Add(Method::kPost, "/api/v1/meetings/{id}/report", Access::kSignedIn, [&meetings, view](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        return Render(meetings.Report(req.auth->actor, MeetingId(*id)), view);
    });

    router_.Add(Method::kGet, "/api/v1/meetings/{id}/documents/{file}", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        const std::string file = req.path_params["file"];
        const std::size_t dot = file.rfind('.');
        const std::string doc = file.substr(0, dot);
        const std::string format = dot == std::string::npos ? "" : file.substr(dot + 1);
        if ((doc != "minutes" && doc != "resolution") || (format != "docx" && format != "pdf" && format != "html"))
            return ErrorResponse(
                FieldError("file", "Văn bản phải là minutes hoặc resolution, dạng docx, pdf hoặc html."));
        auto found = meetings.Get(req.auth->actor, MeetingId(*id));
        if (!found) return ErrorResponse(found.error());
        if (!found->can_write && !found->meeting.Locked())
            return ErrorResponse(base::MakeError(base::ErrorCode::kNotFound, "Văn bản chưa được ban hành."));
        exporting::MeetingDocumentData data{
            found->meeting,    found->organization_name, found->superior_name, found->secretary_name,
            found->attendance, found->opinions,          found->tasks,         found->review,
            found->amendments, found->eligible,          found->scores};
        const exporting::PartyDocument document =
            doc == "minutes" ? exporting::MinutesDocument(data) : exporting::ResolutionDocument(data);
        Response r;
        const std::string name = std::string(doc == "minutes" ? "bien-ban" : "nghi-quyet") + "-" +
                                 std::to_string(found->meeting.year) + "-" + (found->meeting.month < 10 ? "0" : "") +
                                 std::to_string(found->meeting.month);
        if (format == "docx") {
            r.body = exporting::RenderDocx(document);
            r.content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            r.headers.emplace_back("Content-Disposition", Disposition(name + ".docx"));
        } else if (format == "pdf") {
            r.body = exporting::RenderPdf(document);
            r.content_type = "application/pdf";
            r.headers.emplace_back("Content-Disposition", Disposition(name + ".pdf"));
        } else {
            r.body = exporting::RenderHtml(document);
            r.content_type = "text/html; charset=utf-8";
            r.headers.emplace_back("Content-Security-Policy",
                                   "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'");
        }
        r.headers.emplace_back("Cache-Control", "private, no-store");
        return r;
    });

    router_.Add(Method::kGet, "/api/v1/me/meetings", Access::kSignedIn, [&meetings, view](Request& req) {
        return Render(meetings.MyMeetings(req.auth->actor), [&view](const auto& items) {
            json::array out;
            for (const app::MeetingView& v : items) out.push_back(view(v));
            return json::object{{"items", std::move(out)}};
        });
    });

    router_.Add(Method::kGet, "/api/v1/members/{id}/attendance", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto year = QueryInt(req, "year", base::Date::Today().year(), 2000, 2100);
        if (!year) return ErrorResponse(year.error());
        return Render(meetings.Attendance(req.auth->actor, MemberId(*id), *year), [](const app::AttendanceHistory& h) {
            json::array items;
            json::object counts{{"present", 0}, {"late", 0}, {"excused", 0}, {"unexcused", 0}, {"exempt", 0}};
            for (const auto& [meeting, record] : h.items) {
                items.push_back(AttendanceItem(meeting, record));
                auto& c = counts[ToCode(record.presence)];
                c = c.as_int64() + 1;
            }
            return json::object{{"items", std::move(items)}, {"counts", std::move(counts)}};
        });
    });

    router_.Add(Method::kGet, "/api/v1/organizations/{id}/absence-flags", Access::kSignedIn, [&meetings](Request& req) {
        auto id = PathId(req, "id");
        if (!id) return ErrorResponse(id.error());
        auto year = QueryInt(req, "year", base::Date::Today().year(), 2000, 2100);
        if (!year) return ErrorResponse(year.error());
        return Render(meetings.AbsenceFlags(req.auth->actor, OrganizationId(*id), *year), [](const auto& flags) {
            json::array items;
            for (const app::AbsenceFlagView& f : flags)
                items.push_back(json::object{{"member_id", f.flag.member.value},
                                             {"member_name", f.flag.member_name},
                                             {"organization_id", f.organization.value},
                                             {"organization_name", f.organization_name},
                                             {"unexcused", f.flag.unexcused}});
            return json::object{{"items", std::move(items)}};
        });
    });

    router_.Add(Method::kGet, "/api/v1/me/calendar", Access::kSignedIn, [&meetings](Request& req) {
        return Render(meetings.CalendarFeedCreatedAt(req.auth->actor), [](const std::optional<std::int64_t>& at) {
            return json::object{{"active", at.has_value()},
                                {"created_at", at ? json::value(base::IsoTimestamp(*at)) : json::value(nullptr)}};
        });
    });

    router_.Add(Method::kPost, "/api/v1/me/calendar", Access::kSignedIn, [&meetings](Request& req) {
        return Render(
            meetings.NewCalendarFeed(req.auth->actor),
            [](const std::string& token) {
                return json::object{{"url", "/api/v1/calendar/" + token + ".ics"}};
            },
            201);
    });

    router_.Add(Method::kGet, "/api/v1/calendar/{token}", Access::kPublic, [&meetings](Request& req) {
        std::string token = req.path_params["token"];
        if (token.size() > 4 && token.ends_with(".ics")) token.resize(token.size() - 4);
        auto feed = meetings.FeedMeetings(token);
        if (!feed) return ErrorResponse(feed.error());
        std::vector<exporting::CalendarEvent> events;
        for (auto& [meeting, cell] : feed->meetings) events.push_back({meeting, cell});
        Response r;
        r.content_type = "text/calendar; charset=utf-8";
        r.body = exporting::CalendarFeed("Sinh hoạt chi bộ – " + feed->owner, events, base::NowUnixSeconds());
        r.headers.emplace_back("Cache-Control", "private, max-age=300");
        return r;
    });
}

}  // namespace chibo::http
