// Command duplicate runs where SIGKILL follows SIGTERM after 20s.
package main

//sigtermlint:stop-timeout 20s
