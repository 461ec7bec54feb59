#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/topic.hpp"

namespace chibo::domain {

// Topic orientations of committees, the topics of cells' thematic plans, their draft versions (never
// rewritten) and the comments on them.
class TopicRepository {
public:
    virtual ~TopicRepository() = default;

    // Inserts the orientation with its chosen cells and returns it with its id.
    virtual TopicOrientation InsertOrientation(const TopicOrientation& orientation) = 0;
    virtual std::optional<TopicOrientation> GetOrientation(TopicOrientationId id) = 0;
    // The orientations the organisations published for `year`, each with its chosen cells (by id), newest
    // first.
    virtual std::vector<TopicOrientation> OrientationsOf(const std::vector<OrganizationId>& publishers, int year) = 0;

    // Inserts the topic (its number of drafts is 0) and returns it with its id.
    virtual Topic InsertTopic(const Topic& topic) = 0;
    virtual std::optional<Topic> GetTopic(TopicId id) = 0;
    // Saves every field but the number of drafts, which only AddDraft raises.
    virtual void UpdateTopic(const Topic& topic) = 0;
    // The cell's topics of `year`, by quarter, then id.
    virtual std::vector<Topic> TopicsOf(OrganizationId cell, int year) = 0;
    // The topics that picked the orientation, by id.
    virtual std::vector<Topic> TopicsOfOrientation(TopicOrientationId orientation) = 0;
    // The topics in `state` of the cells in the subtree at `path`, by id.
    virtual std::vector<Topic> InSubtree(const std::string& path, TopicState state) = 0;
    // The topic discussed at the meeting (the first linked to it), if any.
    virtual std::optional<Topic> TopicOfMeeting(MeetingId meeting) = 0;
    // The topics of `year` and `quarter` of the cells in the subtree at `path`, every state, by id.
    virtual std::vector<Topic> InSubtreeOfQuarter(const std::string& path, int year, int quarter) = 0;
    // The topics of `year` of the cells in the subtree at `path`, every state, by cell path, quarter, id.
    virtual std::vector<Topic> InSubtreeOfYear(const std::string& path, int year) = 0;
    virtual TopicFile InsertFile(const TopicFile& file) = 0;
    // The files of a topic (by version, then id) or of an orientation (by id).
    virtual std::vector<TopicFile> FilesOfTopic(TopicId topic) = 0;
    virtual std::vector<TopicFile> FilesOfOrientation(TopicOrientationId orientation) = 0;
    // Saves the topic's year-end assessment (assessment, note, by, at) and nothing else.
    virtual void SaveAssessment(const Topic& topic) = 0;

    // Saves the next version of the topic's draft: numbered one more than the topic's number of drafts,
    // which it raises in the same statement, so that two writers at once get two numbers.
    virtual TopicDraft AddDraft(TopicId topic, const std::string& text, const std::string& created_by,
                                const std::string& author_name, std::int64_t created_at) = 0;
    // Every version of the topic's draft without its text, oldest first.
    virtual std::vector<TopicDraft> Drafts(TopicId topic) = 0;
    // One version with its text.
    virtual std::optional<TopicDraft> GetDraft(TopicId topic, int number) = 0;

    virtual TopicComment InsertComment(const TopicComment& comment) = 0;
    // Every comment on the topic, oldest first.
    virtual std::vector<TopicComment> Comments(TopicId topic) = 0;
};

}  // namespace chibo::domain
