// Command declared runs where SIGKILL follows SIGTERM after 10s, and says
// so below; its 15s drain does not fit, whatever -stop-timeout says.
package main

//sigtermlint:stop-timeout 10s
