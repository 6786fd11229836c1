// cpis-workview: the caseworker client.
#include "application.h"

int main(int argc, char **argv)
{
    return cpis::ui::runWorkview(argc, argv);
}
