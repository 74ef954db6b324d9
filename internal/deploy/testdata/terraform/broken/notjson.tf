resource "aws_ecs_task_definition" "notjson" {
  family                = "notjson"
  container_definitions = "[{\"name\": }]"
}
