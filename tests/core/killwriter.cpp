// Test helper: unlocks a clinic and registers patients as fast as it can, printing each MRN
// only after its transaction has committed, until it is killed.
#include "core/auth/Vault.h"
#include "core/patients/PatientStore.h"
#include "words/ErrorWords.h"

#include <cstdio>
#include <string>

using namespace practica::core;

int main(int argc, char** argv)
{
    if (argc != 4) {
        std::fprintf(stderr, "usage: practica_killwriter DB USER PASSWORD\n");
        return 2;
    }
    SystemClock clock;
    auto session = Vault::unlock(argv[1], argv[2], argv[3], clock);
    if (!session) {
        std::fprintf(stderr, "%s\n", practica::words::errorSentence(session.error()).c_str());
        return 1;
    }
    PatientStore store(**session);
    for (long i = 0;; ++i) {
        Patient p;
        p.familyName = "Writer" + std::to_string(i);
        p.givenName = "Kill";
        p.dateOfBirth = "2000-01-01";
        p.sex = "unknown";
        p.addressLine1 = std::string(200, 'x'); // bigger rows cross more pages per transaction
        auto created = store.create(p);
        if (!created) {
            std::fprintf(stderr, "%s\n", practica::words::errorSentence(created.error()).c_str());
            return 1;
        }
        std::printf("%s\n", created->mrn.c_str());
        std::fflush(stdout);
    }
}
