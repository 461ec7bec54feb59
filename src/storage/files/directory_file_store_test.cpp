#include "storage/files/directory_file_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <stdexcept>

namespace chibo::storage::files {
namespace {

namespace fs = std::filesystem;

const std::string kHash = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";  // "hello"

class FileStoreTest : public ::testing::Test {
protected:
    void SetUp() override {
        root_ = fs::temp_directory_path() /
                ("chibo-files-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                 ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(root_);
    }
    void TearDown() override { fs::remove_all(root_); }
    fs::path root_;
};

TEST_F(FileStoreTest, StoresUnderTheHashAndReadsBack) {
    DirectoryFileStore store(root_);
    store.Put(kHash, "hello");
    EXPECT_TRUE(fs::exists(root_ / "2c" / kHash));
    EXPECT_EQ(store.Get(kHash), "hello");
    store.Put(kHash, "hello");  // The same content again: still one file, unchanged.
    EXPECT_EQ(std::distance(fs::directory_iterator(root_ / "2c"), fs::directory_iterator{}), 1);
    store.Remove(kHash);
    EXPECT_FALSE(store.Get(kHash).has_value());
}

TEST_F(FileStoreTest, RefusesNamesThatAreNotHashes) {
    DirectoryFileStore store(root_);
    EXPECT_THROW(store.Put("../../etc/passwd", "x"), std::invalid_argument);
    EXPECT_THROW(store.Get("ABC"), std::invalid_argument);
}

}  // namespace
}  // namespace chibo::storage::files
