@echo off
rem The latchkey command on Windows: builds the CLI with the Maven Wrapper if it is missing, then runs it.
setlocal
set "ROOT=%~dp0"
set "JAR=%ROOT%sdk-cli\target\latchkey.jar"
if not exist "%JAR%" (
  echo latchkey: building the CLI with the Maven Wrapper... 1>&2
  call "%ROOT%mvnw.cmd" -q -B -DskipTests -pl sdk-cli -am package || exit /b 1
)
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem C1 alone and the serial GC: a command is a short-lived JVM (see the latchkey script and docs/benchmarks.md).
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %LATCHKEY_JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
